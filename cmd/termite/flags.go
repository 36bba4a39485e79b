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
	exitUnavailable = 69  // EX_UNAVAILABLE: the node cannot listen
	exitIOError     = 74  // EX_IOERR: the output could not be written at the end
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

	node            string // --node HOST:PORT
	serve           bool
	cookieFile      string
	tlsCert, tlsKey string
	tlsCA           string
}

// option is one flag. Flags live in a table so that usage is generated from
// the same place that parses them, and a new flag is one entry.
type option struct {
	name  string // with its dashes
	alias string // a second name, with its dashes; "" for none
	arg   string // the argument's name in the usage text; "" for none
	arg2  string // a second argument's name, for the options that take two
	help  string
	set   func(c *config, args ...string)
}

var options = []option{
	{"-e", "", "EXPR", "", "evaluate EXPR", func(c *config, a ...string) {
		c.steps = append(c.steps, step{expr: a[0]})
	}},
	{"-p", "", "EXPR", "", "evaluate EXPR and write its value", func(c *config, a ...string) {
		c.steps = append(c.steps, step{expr: a[0], print: true})
	}},
	{"-I", "", "DIR", "", "add DIR to the library search path", func(c *config, a ...string) {
		c.libDirs = append(c.libDirs, a[0])
	}},
	{"--node", "", "HOST:PORT", "", "be a node listening there (port 0: any free port)", func(c *config, a ...string) {
		c.node = a[0]
	}},
	{"--serve", "", "", "", "keep the node running after FILE, or with no FILE", func(c *config, _ ...string) {
		c.serve = true
	}},
	{"--cookie", "", "FILE", "", "authenticate nodes with the cookie in FILE", func(c *config, a ...string) {
		c.cookieFile = a[0]
	}},
	{"--tls", "", "CERT", "KEY", "talk TLS to other nodes, with this certificate", func(c *config, a ...string) {
		c.tlsCert, c.tlsKey = a[0], a[1]
	}},
	{"--tls-ca", "", "FILE", "", "with --tls: verify peers against these CAs", func(c *config, a ...string) {
		c.tlsCA = a[0]
	}},
	{"--help", "-h", "", "", "print this help and exit", func(c *config, _ ...string) { c.help = true }},
	{"--version", "", "", "", "print the version and exit", func(c *config, _ ...string) { c.version = true }},
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
		vals := []string{val}
		switch {
		case opt.arg == "" && hasVal:
			return nil, &usageError{"option " + name + " takes no argument"}
		case opt.arg != "" && !hasVal:
			if i+1 >= len(args) {
				return nil, &usageError{"option " + name + " needs an argument " + opt.arg}
			}
			i++
			vals[0] = args[i]
		}
		if opt.arg2 != "" {
			if i+1 >= len(args) {
				return nil, &usageError{"option " + name + " needs a second argument " + opt.arg2}
			}
			i++
			vals = append(vals, args[i])
		}
		opt.set(c, vals...)
	}
	if c.tlsCA != "" && c.tlsCert == "" {
		return nil, &usageError{"option --tls-ca needs --tls"}
	}
	return c, nil
}

func lookupOption(name string) *option {
	for i := range options {
		if options[i].name == name || options[i].alias == name && name != "" {
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
		if o.alias != "" {
			left = o.alias + ", " + o.name
		}
		if o.arg != "" {
			left += " " + o.arg
		}
		if o.arg2 != "" {
			left += " " + o.arg2
		}
		fmt.Fprintf(w, "  %-18s %s\n", left, o.help)
	}
	fmt.Fprintf(w, `
exit status:
  %-3d success, or the end of the program
  %-3d bad command line
  %-3d syntax error (nothing was run)
  %-3d FILE cannot be read
  %-3d the node cannot listen (--node)
  %-3d uncaught error
  %-3d the output could not be written (a full disk, a closed pipe...)
  %-3d interrupted (Ctrl-C); 143 and 129 after SIGTERM and SIGHUP, with
      the output written first
  N   (exit N), N from 0 to 255

environment:
  TERMITE_HISTORY     REPL history file (default ~/.termite_history)
  TERMITE_PATH        more library search directories, separated by :
  TERMITE_CPUPROFILE  write a CPU profile of the run to this file (pprof)
  TERMITE_COOKIE      the node cookie, when --cookie is not given (default:
                      the content of ~/.termite-cookie, made when missing)
  TERMITE_NODE_TIMEOUT  seconds of silence after which a peer node is down
                      (default 6)
  TERMITE_MAX_STACK   MiB of stack a process may use before a stack
                      overflow error (default 256)
  TERMITE_MAX_SOURCE  MiB of source text a script, a library or a loaded
                      file may have (default 64)
`, exitOK, exitUsage, exitSyntax, exitNoInput, exitUnavailable, exitError, exitIOError, exitInterrupted)
}
