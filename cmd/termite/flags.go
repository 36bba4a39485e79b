package main

import (
	"fmt"
	"io"
	"strings"
)

// version is what --version prints; a release build may override it with
// -ldflags "-X main.version=...".
var version = "0.1.0"

// Exit statuses, from BSD sysexits where one fits, so that shell scripts
// can tell a bad invocation from a bad program.
const (
	exitOK          = 0
	exitUsage       = 64  // EX_USAGE: bad flag or missing argument
	exitSyntax      = 65  // EX_DATAERR: syntax error in the program text
	exitNoInput     = 66  // EX_NOINPUT: the script file cannot be read
	exitError       = 70  // EX_SOFTWARE: uncaught Scheme error
	exitInterrupted = 130 // 128+SIGINT, as shells report a Ctrl-C death
)

// stdinScript is the FILE name that means standard input.
const stdinScript = "-"

// step is one -e or -p, run in command-line order before the script.
type step struct {
	expr  string
	print bool
}

// config is the parsed command line.
type config struct {
	steps      []step
	libDirs    []string
	script     string   // "" when no FILE was given
	scriptArgs []string // the arguments after FILE
	help       bool
	version    bool
}

// option is one flag. Flags live in a table so that usage is generated from
// the same place that parses them, and a new flag is one entry.
type option struct {
	name string // with its dashes
	arg  string // the argument's name in the usage text; "" for none
	help string
	set  func(c *config, arg string)
}

var options = []option{
	{"-e", "EXPR", "evaluate EXPR", func(c *config, a string) {
		c.steps = append(c.steps, step{expr: a})
	}},
	{"-p", "EXPR", "evaluate EXPR and write its value", func(c *config, a string) {
		c.steps = append(c.steps, step{expr: a, print: true})
	}},
	{"-I", "DIR", "add DIR to the library search path", func(c *config, a string) {
		c.libDirs = append(c.libDirs, a)
	}},
	{"--help", "", "print this help and exit", func(c *config, _ string) { c.help = true }},
	{"--version", "", "print the version and exit", func(c *config, _ string) { c.version = true }},
}

// usageError is a command line that makes no sense.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// parseArgs parses the arguments that follow the program name. The first
// argument that is not a flag is FILE; everything after it belongs to the
// script, so a script can take flags of its own.
func parseArgs(args []string) (*config, error) {
	c := &config{}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			if i+1 < len(args) {
				c.script, c.scriptArgs = args[i+1], args[i+2:]
			}
			return c, nil
		}
		if !strings.HasPrefix(a, "-") || a == stdinScript {
			c.script, c.scriptArgs = a, args[i+1:]
			return c, nil
		}
		name, val, hasVal := a, "", false
		if strings.HasPrefix(a, "--") {
			name, val, hasVal = strings.Cut(a, "=")
		}
		opt := lookupOption(name)
		if opt == nil {
			return nil, &usageError{"unknown option " + name}
		}
		switch {
		case opt.arg == "" && hasVal:
			return nil, &usageError{"option " + name + " takes no argument"}
		case opt.arg != "" && !hasVal:
			if i+1 >= len(args) {
				return nil, &usageError{"option " + name + " needs an argument " + opt.arg}
			}
			i++
			val = args[i]
		}
		opt.set(c, val)
	}
	return c, nil
}

func lookupOption(name string) *option {
	for i := range options {
		if options[i].name == name {
			return &options[i]
		}
	}
	return nil
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, `usage: termite [OPTION...] [FILE [ARG...]]

Runs the Scheme program FILE, with (command-line) = (FILE ARG...); FILE "-"
is standard input. Options after FILE belong to the program. With no FILE
and no -e or -p: the REPL when standard input is a terminal, otherwise
standard input is run as a program. -e and -p run in order, before FILE.

options:
`)
	for _, o := range options {
		left := o.name
		if o.arg != "" {
			left += " " + o.arg
		}
		fmt.Fprintf(w, "  %-12s %s\n", left, o.help)
	}
	fmt.Fprintf(w, `
exit status:
  %-3d success, or the end of the program
  %-3d bad command line
  %-3d syntax error (nothing was run)
  %-3d FILE cannot be read
  %-3d uncaught error
  %-3d interrupted (Ctrl-C)
  N   (exit N)

environment:
  TERMITE_HISTORY     REPL history file (default ~/.termite_history)
  TERMITE_PATH        more library search directories, separated by :
  TERMITE_CPUPROFILE  write a CPU profile of the run to this file (pprof)
`, exitOK, exitUsage, exitSyntax, exitNoInput, exitError, exitInterrupted)
}
