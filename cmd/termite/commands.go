package main

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"termite/eval"
	rt "termite/runtime"
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
		{name: "ps", help: "the processes of this node, one a line", run: func(s *session, _ string) (int, bool) {
			s.ps()
			return 0, false
		}},
		{name: "i", arg: "PID", help: "one process in detail: PID is a pid's number or an expression", run: func(s *session, arg string) (int, bool) {
			s.info(arg)
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

// ps prints a table of the processes of this node.
func (s *session) ps() {
	w := tabwriter.NewWriter(s.out, 0, 8, 2, ' ', 0)
	fmt.Fprintln(w, "PID\tNAME\tSTATUS\tMAILBOX\tREDUCTIONS\tMEMORY\tWHERE")
	for _, pid := range s.in.Processes() {
		info, err := s.in.ProcessInfo(pid)
		if err != nil || info == nil {
			continue
		}
		name, status := "", info.Status
		if info.Name != nil {
			name = info.Name.Name
		}
		if pid == s.in.Self() {
			status = "repl"
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%d\t%d\t%d\t%s\n", pid.ID, name, status, info.Mailbox, info.Reductions, info.Memory, where(info.Where))
	}
	w.Flush()
}

// info prints what process-info tells of one process: the one with the
// number arg, or the value of the expression arg.
func (s *session) info(arg string) {
	pid, err := s.pidOf(arg)
	if err != nil {
		reportError(s.errOut, err)
		return
	}
	info, err := s.in.ProcessInfo(pid)
	switch {
	case err != nil:
		reportError(s.errOut, err)
		return
	case info == nil:
		fmt.Fprintf(s.out, "%s has ended\n", pid.OpaqueString())
		return
	}
	pids := func(ps []*rt.Pid) string {
		var b strings.Builder
		for i, p := range ps {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(p.OpaqueString())
		}
		return b.String()
	}
	name := ""
	if info.Name != nil {
		name = info.Name.Name
	}
	w := tabwriter.NewWriter(s.out, 0, 8, 2, ' ', 0)
	for _, row := range [][2]string{
		{"pid", pid.OpaqueString()},
		{"name", name},
		{"status", info.Status},
		{"mailbox", fmt.Sprint(info.Mailbox)},
		{"links", pids(info.Links)},
		{"monitors", pids(info.Monitors)},
		{"monitored by", pids(info.MonitoredBy)},
		{"where", where(info.Where)},
		{"reductions", fmt.Sprint(info.Reductions)},
		{"memory", fmt.Sprintf("%d bytes", info.Memory)},
	} {
		fmt.Fprintf(w, "%s\t%s\n", row[0], row[1])
	}
	w.Flush()
}

// pidOf returns the process that arg names: by its number (as in
// #<pid 3>), or as the value of the expression arg.
func (s *session) pidOf(arg string) (*rt.Pid, error) {
	if n, err := strconv.ParseUint(arg, 10, 64); err == nil {
		for _, pid := range s.in.Processes() {
			if pid.ID == n {
				return pid, nil
			}
		}
		return nil, fmt.Errorf("no process numbered %d runs here", n)
	}
	var v rt.Value
	err := s.it.run(func() (err error) {
		v, err = s.in.RunSource([]byte(arg), replFile)
		return err
	})
	if err != nil {
		return nil, err
	}
	pid, ok := v.(*rt.Pid)
	if !ok {
		return nil, fmt.Errorf("not a pid: %s", rt.WriteString(v))
	}
	return pid, nil
}

// where is a frame as ,ps and ,i show it.
func where(t eval.TraceEntry) string {
	if !t.Pos.IsValid() && t.Proc == "" {
		return ""
	}
	return t.String()
}
