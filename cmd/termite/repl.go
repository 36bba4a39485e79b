package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/chzyer/readline"

	"termite/eval"
	"termite/reader"
	rt "termite/runtime"
)

// replFile names REPL input in positions: "repl:LINE:COL", LINE counting
// the lines typed since the session began.
const replFile = "repl"

const (
	prompt             = "> "
	continuationPrompt = "... "
)

// historyPath is $TERMITE_HISTORY, else ~/.termite_history, else "" (no
// history) when there is no home directory.
func historyPath() string {
	if p := os.Getenv("TERMITE_HISTORY"); p != "" {
		return p
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".termite_history")
}

// repl reads, evaluates and prints until end of input or (exit), and
// returns the exit status. The main process is the REPL's: it lives from
// one input to the next, and the other processes run, and print, while
// the prompt waits (readline redraws the line being typed around their
// output). Readline reads on a goroutine of its own, one line at a time
// when the REPL asks: nothing else reads the terminal.
func repl(in *eval.Interp, it *interrupter, out, errOut *output) int {
	names := &completer{}
	// Closing readline waits for its read of the terminal to end: this
	// stdin ends it when a process exits while a line is typed.
	stdin := readline.NewCancelableStdin(os.Stdin)
	rl, err := readline.NewEx(&readline.Config{
		Prompt:                 prompt,
		HistoryFile:            historyPath(),
		DisableAutoSaveHistory: true,
		AutoComplete:           names,
		Stdin:                  stdin,
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "termite: %v\n", err)
		return exitError
	}
	defer rl.Close()
	defer stdin.Close()
	fmt.Fprintf(out, "termite %s: ,help for help, ,q or Ctrl-D to quit\n", version)

	s := &session{in: in, it: it, out: out, errOut: errOut}
	// pending is the input of a datum not yet complete; it starts with
	// one newline per line of the session before it, so that the
	// reader's line numbers count from the start of the session.
	var pending []byte
	var entry []string // the lines of pending, for the history
	lines := 0
	for {
		if len(bytes.TrimSpace(pending)) == 0 {
			rl.SetPrompt(prompt)
		} else {
			rl.SetPrompt(continuationPrompt)
		}
		names.refresh(in)
		line, code, exit, err := s.readLine(rl)
		if exit {
			return code
		}
		switch {
		case errors.Is(err, readline.ErrInterrupt):
			if pending != nil {
				lines = bytes.Count(pending, []byte{'\n'})
				pending, entry = nil, nil
			}
			continue
		case errors.Is(err, io.EOF):
			return exitOK
		case err != nil:
			fmt.Fprintf(errOut, "termite: %v\n", err)
			return exitError
		}
		if pending == nil {
			if cmd, arg, ok := command(line); ok {
				rl.SaveHistory(line)
				if code, exit := s.command(line, cmd, arg, lines); exit {
					return code
				}
				lines++
				continue
			}
			pending = bytes.Repeat([]byte{'\n'}, lines)
		}
		pending = append(pending, line...)
		pending = append(pending, '\n')
		entry = append(entry, line)

		if code, exit, more := s.eval(pending, lines); more {
			continue
		} else if exit {
			return code
		}
		if strings.TrimSpace(strings.Join(entry, "")) != "" {
			rl.SaveHistory(strings.Join(entry, " "))
		}
		lines = bytes.Count(pending, []byte{'\n'})
		pending, entry = nil, nil
	}
}

// session is the state of a REPL between inputs.
type session struct {
	in          *eval.Interp
	it          *interrupter
	out, errOut *output
	lastError   *eval.SchemeError // for ,bt
}

// readLine reads a line while the processes run. It returns exit set when
// a process ended the program meanwhile, with its status.
func (s *session) readLine(rl *readline.Instance) (line string, code int, exit bool, err error) {
	type result struct {
		line string
		err  error
	}
	got := make(chan result, 1)
	// While the line is typed, output goes through readline, which
	// redraws the line around it; else straight to the terminal.
	s.out.redirect(rl.Stdout())
	s.errOut.redirect(rl.Stderr())
	go func() {
		line, err := rl.Readline()
		s.out.redirect(os.Stdout)
		s.errOut.redirect(os.Stderr)
		got <- result{line, err}
	}()
	var r result
	wait := &rt.Primitive{Name: "repl", Fn: func([]rt.Value) (rt.Value, error) {
		return nil, &rt.Blocking{Do: func() (rt.Value, error) {
			r = <-got
			return rt.Unspecified, nil
		}}
	}}
	if _, err := s.in.Apply(wait); err != nil {
		// A process ended the program while the line was typed.
		s.out.redirect(os.Stdout)
		s.errOut.redirect(os.Stderr)
		flushOutput()
		var ex *eval.ExitError
		if errors.As(err, &ex) {
			return "", ex.Code, true, nil
		}
		reportError(s.errOut, err)
		return "", exitError, true, nil
	}
	return r.line, 0, false, r.err
}

// eval evaluates the datums of src, whose first skip bytes are the
// newlines of the lines before it. It reports whether src needs more
// lines, or whether the program called exit, and with what status. A
// syntax error stops the input where it is: what comes before it is
// evaluated; a stray closing parenthesis is skipped, and what follows it
// evaluated too.
func (s *session) eval(src []byte, skip int) (code int, exit, more bool) {
	chunks, err := splitDatums(src, skip)
	var syntax *reader.Error
	if errors.As(err, &syntax) && syntax.Incomplete {
		return 0, false, true
	}
	if err == nil {
		code, exit := s.evalChunks(chunks)
		return code, exit, false
	}
	cut := offsetOf(src, syntax.Pos)
	if cut < 0 {
		reportError(s.errOut, err)
		return 0, false, false
	}
	if before, err := splitDatums(src[:cut], skip); err == nil {
		if code, exit := s.evalChunks(before); exit {
			return code, true, false
		}
	}
	reportError(s.errOut, err)
	if c := src[cut]; c == ')' || c == ']' {
		rest := append(blank(src[:cut+1]), src[cut+1:]...)
		return s.eval(rest, bytes.Count(src[:cut+1], []byte{'\n'}))
	}
	return 0, false, false
}

// offsetOf returns the offset in src of the character at pos, or -1.
func offsetOf(src []byte, pos rt.Pos) int {
	line, col := int32(1), int32(1)
	for i, r := range string(src) {
		if line == pos.Line && col == pos.Col {
			return i
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return -1
}

// evalChunks evaluates the datums of one input in turn, printing their
// values, and stops at the first error. It reports whether the program
// called exit, and with what status.
func (s *session) evalChunks(chunks [][]byte) (int, bool) {
	// What the program prints runs on from one datum to the next; a value
	// and the next prompt start on lines of their own.
	defer s.out.endLine()
	for _, c := range chunks {
		var v rt.Value
		err := s.it.run(func() (err error) {
			v, err = s.in.RunSource(c, replFile)
			return err
		})
		flushOutput()
		if err == nil {
			if v != rt.Unspecified {
				s.out.endLine()
			}
			printResult(s.out, v)
			continue
		}
		var exit *eval.ExitError
		if errors.As(err, &exit) {
			return exit.Code, true
		}
		// The terminal echoes ^C without ending the line: end it, once.
		if !s.out.endLine() && isInterrupted(err) {
			fmt.Fprintln(s.errOut)
		}
		var se *eval.SchemeError
		if errors.As(err, &se) {
			s.lastError = se
		}
		reportError(s.errOut, err)
		return 0, false
	}
	return 0, false
}

// splitDatums reads src, whose first skip bytes are newlines, and returns
// one source text per datum, each padded with blanks so that it starts at
// the same line and column as in src. The reader returns datums but not
// where they end, so a boundary is found by trying prefixes: the end of
// datum i is the first offset where the text before it reads as exactly
// datum i and the text after it as the datums after i. REPL input is short,
// which keeps this cheap. A *reader.Error with Incomplete set means src
// needs more lines.
func splitDatums(src []byte, skip int) ([][]byte, error) {
	forms, err := readAll(src)
	if err != nil {
		return nil, err
	}
	if len(forms) <= 1 {
		if len(forms) == 0 {
			return nil, nil
		}
		return [][]byte{src}, nil
	}
	var chunks [][]byte
	start := skip
	for i := 0; i < len(forms)-1; i++ {
		end := datumEnd(src, start, forms[i], forms[i+1:])
		if end < 0 {
			// Some text (a #!fold-case directive, say) reads differently
			// when cut: evaluate the rest in one piece.
			break
		}
		chunks = append(chunks, append(blank(src[:start]), src[start:end]...))
		start = end
	}
	return append(chunks, append(blank(src[:start]), src[start:]...)), nil
}

// datumEnd returns the offset where the datum written as want ends in src
// after start, given the written forms of the datums that follow it, or -1.
func datumEnd(src []byte, start int, want string, rest []string) int {
	for k := start + 1; k < len(src); k++ {
		first, err := readAll(src[start:k])
		if err != nil || len(first) != 1 || first[0] != want {
			continue
		}
		if after, err := readAll(src[k:]); err == nil && slices.Equal(after, rest) {
			return k
		}
	}
	return -1
}

// readAll returns the written form of every datum in src.
func readAll(src []byte) ([]string, error) {
	r := reader.New(src, replFile)
	var forms []string
	for {
		d, err := r.Read()
		if errors.Is(err, io.EOF) {
			return forms, nil
		}
		if err != nil {
			return nil, err
		}
		forms = append(forms, rt.WriteString(d))
	}
}

// blank returns text with every character but newline turned into a
// space, so that what follows it keeps its line and column.
func blank(text []byte) []byte {
	b := make([]byte, 0, len(text))
	for len(text) > 0 {
		r, n := utf8.DecodeRune(text)
		text = text[n:]
		if r == '\n' {
			b = append(b, '\n')
		} else {
			b = append(b, ' ')
		}
	}
	return b
}
