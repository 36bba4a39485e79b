package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
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
// returns the exit status. It alone uses the readline instance, and it
// runs on the goroutine that evaluates, so nothing else can read the
// terminal while an evaluation runs.
func repl(in *eval.Interp, it *interrupter, out *output) int {
	rl, err := readline.NewEx(&readline.Config{
		Prompt:      prompt,
		HistoryFile: historyPath(),
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "termite: %v\n", err)
		return exitError
	}
	defer rl.Close()

	// pending is the input of a datum not yet complete; it starts with
	// one newline per line of the session before it, so that the
	// reader's line numbers count from the start of the session.
	var pending []byte
	lines := 0
	for {
		if len(bytes.TrimSpace(pending)) == 0 {
			rl.SetPrompt(prompt)
		} else {
			rl.SetPrompt(continuationPrompt)
		}
		line, err := rl.Readline()
		switch {
		case errors.Is(err, readline.ErrInterrupt):
			if pending != nil {
				lines = bytes.Count(pending, []byte{'\n'})
				pending = nil
			}
			continue
		case errors.Is(err, io.EOF):
			return exitOK
		case err != nil:
			fmt.Fprintf(os.Stderr, "termite: %v\n", err)
			return exitError
		}
		if pending == nil {
			pending = bytes.Repeat([]byte{'\n'}, lines)
		}
		pending = append(pending, line...)
		pending = append(pending, '\n')

		chunks, err := splitDatums(pending, lines)
		var syntax *reader.Error
		if errors.As(err, &syntax) && syntax.Incomplete {
			continue
		}
		lines = bytes.Count(pending, []byte{'\n'})
		pending = nil
		if err != nil {
			reportError(os.Stderr, err)
			continue
		}
		if code, exit := evalChunks(in, it, out, chunks); exit {
			return code
		}
	}
}

// evalChunks evaluates the datums of one input in turn, printing their
// values, and stops at the first error. It reports whether the program
// called exit, and with what status.
func evalChunks(in *eval.Interp, it *interrupter, out *output, chunks [][]byte) (int, bool) {
	// What the program prints runs on from one datum to the next; a value
	// and the next prompt start on lines of their own.
	defer out.endLine()
	for _, c := range chunks {
		var v rt.Value
		err := it.run(func() (err error) {
			v, err = in.RunSource(c, replFile)
			return err
		})
		flushOutput()
		if err == nil {
			if v != rt.Unspecified {
				out.endLine()
			}
			printResult(out, v)
			continue
		}
		var exit *eval.ExitError
		if errors.As(err, &exit) {
			return exit.Code, true
		}
		// The terminal echoes ^C without ending the line: end it, once.
		if !out.endLine() && isInterrupted(err) {
			fmt.Fprintln(os.Stderr)
		}
		reportError(os.Stderr, err)
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
