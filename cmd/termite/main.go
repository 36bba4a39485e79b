// Command termite runs Scheme programs: a script file, expressions given
// with -e and -p, standard input, or an interactive REPL. See printUsage
// for the command line and its exit statuses.
package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"

	"github.com/chzyer/readline"

	"termite/eval"
	"termite/reader"
	rt "termite/runtime"
	"termite/stdlib"
)

func main() {
	if os.Getenv("GOGC") == "" {
		// The machine allocates small short-lived objects at a high rate
		// (frames captured by call/cc, closures, boxed integers): a larger
		// heap between collections halves the collector's share of the
		// time (measured on call/cc-heavy benchmark programs).
		debug.SetGCPercent(400)
	}
	os.Exit(profiled(func() int { return run(os.Args[1:]) }))
}

// run does everything main does but exit, and returns the exit status.
func run(args []string) int {
	c, err := parseArgs(args)
	if err != nil {
		// One line and a hint: the whole usage would bury the mistake.
		fmt.Fprintf(os.Stderr, "termite: %v (try termite --help)\n", err)
		return exitUsage
	}
	if c.help {
		printUsage(os.Stdout)
		return exitOK
	}
	if c.version {
		fmt.Println("termite " + version)
		return exitOK
	}

	lim, err := limitsFromEnv()
	if err != nil {
		fmt.Fprintf(os.Stderr, "termite: %v\n", err)
		return exitUsage
	}

	interactive := false
	if c.script == "" && len(c.steps) == 0 && !c.serve {
		if readline.IsTerminal(int(os.Stdin.Fd())) {
			interactive = true
		} else {
			c.script = stdinScript
		}
	}

	// The script is read before anything runs, -e included, so that a
	// missing file has no effects.
	var src []byte
	if c.script != "" {
		if c.script == stdinScript {
			src, err = eval.ReadSource(os.Stdin, c.script, lim.source)
		} else if f, openErr := os.Open(c.script); openErr != nil {
			err = openErr
		} else {
			src, err = eval.ReadSource(f, c.script, lim.source)
			f.Close()
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "termite: %v\n", err)
			return exitNoInput
		}
	}

	// Scripts are checked by RunSource before they run; with -e or -p in
	// front, every text is checked first so that a syntax error anywhere
	// still means nothing ran.
	if len(c.steps) > 0 {
		if code := checkSyntax(c, src); code != exitOK {
			return code
		}
	}

	cmdline := []string{"termite"}
	if c.script != "" {
		cmdline = append([]string{c.script}, c.scriptArgs...)
	}
	out, errOut := &output{w: os.Stdout}, &output{w: os.Stderr}
	in := eval.New(eval.Options{
		Stdin:     os.Stdin,
		Stdout:    out,
		Stderr:    errOut,
		Args:      cmdline,
		LibDirs:   c.libDirs,
		MaxStack:  lim.stack,
		MaxSource: lim.source,
		Session:   interactive,
		// A program that waits shows what it printed so far: a node's
		// processes print between the messages they get.
		OnIdle: func() { flushOutput() },
	})
	if err := stdlib.Install(in); err != nil {
		fmt.Fprintf(os.Stderr, "termite: installing the standard library: %v\n", err)
		return exitError
	}
	if err := installHelp(in); err != nil {
		fmt.Fprintf(os.Stderr, "termite: installing help: %v\n", err)
		return exitError
	}
	node, code := startNode(in, c)
	if node != nil {
		defer node.Close()
	}
	if code != exitOK {
		return code
	}
	// A second Ctrl-C during one evaluation means the machine is stuck
	// outside its reduction checks: exit at once, without flushing, since
	// the ports may be in use.
	it := watchInterrupts(in, func() {
		fmt.Fprintln(os.Stderr, "termite: interrupted")
		os.Exit(exitInterrupted)
	})

	code = runBatch(in, it, out, c, src)
	if code == exitOK && c.serve {
		code = serve(in, it)
	}
	if code == exitOK && interactive {
		code = repl(in, it, out, errOut)
	}
	err = flushOutput()
	if err == nil {
		err = out.failed() // what -p and the REPL print is not buffered
	}
	if err != nil && code == exitOK {
		fmt.Fprintf(os.Stderr, "termite: writing the output: %v\n", err)
		code = exitIOError
	}
	return code
}

// runBatch runs the -e and -p expressions, then the script, stopping at
// the first error.
func runBatch(in *eval.Interp, it *interrupter, out io.Writer, c *config, src []byte) int {
	for _, s := range c.steps {
		var v rt.Value
		err := it.run(func() (err error) {
			v, err = in.RunSource([]byte(s.expr), stepName(s))
			return err
		})
		if err != nil {
			return fail(err)
		}
		if s.print {
			flushOutput()
			printResult(out, v)
		}
	}
	if c.script != "" {
		err := it.run(func() error {
			_, err := in.RunSource(src, c.script)
			return err
		})
		if err != nil {
			return fail(err)
		}
	}
	return exitOK
}

// checkSyntax reads every -e and -p text and the script, and reports the
// first syntax error.
func checkSyntax(c *config, src []byte) int {
	for _, s := range c.steps {
		if _, _, err := reader.ReadAll([]byte(s.expr), stepName(s)); err != nil {
			return reportError(os.Stderr, err)
		}
	}
	if c.script != "" {
		if _, _, err := reader.ReadAll(src, c.script); err != nil {
			return reportError(os.Stderr, err)
		}
	}
	return exitOK
}

// stepName names a -e or -p text in positions.
func stepName(s step) string {
	if s.print {
		return "-p"
	}
	return "-e"
}

// fail reports an error that ends the program and returns the exit status
// it calls for. Standard output is flushed first so that the report comes
// after whatever the program printed.
func fail(err error) int {
	flushOutput()
	var exit *eval.ExitError
	if errors.As(err, &exit) {
		return exit.Code
	}
	var term terminated
	if errors.As(err, &term) {
		return term.status()
	}
	return reportError(os.Stderr, err)
}

// reportError prints err the way termite reports an error that the
// program did not handle, and returns the exit status for it.
func reportError(w io.Writer, err error) int {
	var (
		syntax *reader.Error
		scheme *eval.SchemeError
		path   *fs.PathError
	)
	switch {
	case errors.As(err, &syntax):
		fmt.Fprintln(w, syntax.Error())
		return exitSyntax
	case errors.As(err, &scheme):
		fmt.Fprint(w, scheme.Report())
		return exitError
	case isInterrupted(err):
		fmt.Fprintln(w, "interrupted")
		return exitInterrupted
	case errors.As(err, &path):
		fmt.Fprintf(w, "termite: %v\n", err)
		return exitNoInput
	}
	fmt.Fprintf(w, "error: %v\n", err)
	return exitError
}

func isInterrupted(err error) bool {
	var v eval.Interrupted
	var p *eval.Interrupted
	return errors.As(err, &v) || errors.As(err, &p)
}
