package main

import (
	"bytes"
	"fmt"
	"strings"
)

// A REPL command is a line that starts with a comma (at top level, a
// comma means nothing in Scheme): ,NAME and an argument.
type replCommand struct {
	name, arg, help string
	// rewrite, if set, makes the command the Scheme call (NAME ARG): the
	// comma becomes the opening parenthesis, so positions stay right.
	rewrite bool
	run     func(s *session, arg string) (code int, exit bool)
}

var replCommands []replCommand

func init() {
	replCommands = []replCommand{
		{name: "help", help: "this list", run: func(s *session, _ string) (int, bool) {
			s.help()
			return 0, false
		}},
		{name: "q", help: "quit (as Ctrl-D does)", run: func(*session, string) (int, bool) {
			return exitOK, true
		}},
		{name: "bt", help: "the backtrace of the last error, in full", run: func(s *session, _ string) (int, bool) {
			s.backtrace()
			return 0, false
		}},
		{name: "time", arg: "EXPR", help: "evaluate EXPR and report the time it took", rewrite: true},
		{name: "pp", arg: "EXPR", help: "pretty-print the value of EXPR", rewrite: true},
		{name: "apropos", arg: "WORD", help: "the names bound here that contain WORD", run: func(s *session, word string) (int, bool) {
			s.apropos(word)
			return 0, false
		}},
	}
}

// command splits a line that is a REPL command into its name and
// argument.
func command(line string) (name, arg string, ok bool) {
	t := strings.TrimSpace(line)
	if !strings.HasPrefix(t, ",") {
		return "", "", false
	}
	name, arg, _ = strings.Cut(t[1:], " ")
	return name, strings.TrimSpace(arg), true
}

// command runs the REPL command name, typed as line, the line after the
// first skip lines of the session.
func (s *session) command(line, name, arg string, skip int) (code int, exit bool) {
	for _, c := range replCommands {
		if c.name != name {
			continue
		}
		if c.arg != "" && arg == "" {
			fmt.Fprintf(s.errOut, ",%s needs %s\n", c.name, c.arg)
			return 0, false
		}
		if c.rewrite {
			src := bytes.Repeat([]byte{'\n'}, skip)
			src = append(src, strings.Replace(line, ",", "(", 1)...)
			src = append(src, ")\n"...)
			code, exit, more := s.eval(src, skip)
			if more {
				fmt.Fprintf(s.errOut, ",%s: %s is not complete\n", c.name, arg)
			}
			return code, exit
		}
		return c.run(s, arg)
	}
	fmt.Fprintf(s.errOut, "no command ,%s (,help lists them)\n", name)
	return 0, false
}

func (s *session) help() {
	for _, c := range replCommands {
		fmt.Fprintf(s.out, "  %-16s %s\n", strings.TrimSpace(","+c.name+" "+c.arg), c.help)
	}
	fmt.Fprintln(s.out, "  (help 'NAME)      what NAME is and does")
}

func (s *session) backtrace() {
	if s.lastError == nil {
		fmt.Fprintln(s.out, "no error yet")
		return
	}
	fmt.Fprint(s.out, s.lastError.FullReport())
}

func (s *session) apropos(word string) {
	for _, name := range s.in.Names() {
		if strings.Contains(name, word) {
			fmt.Fprintln(s.out, name)
		}
	}
}
