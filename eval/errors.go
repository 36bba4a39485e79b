package eval

import (
	"fmt"
	"strconv"
	"strings"

	rt "termite/runtime"
)

// TraceEntry is one frame of a Scheme backtrace.
type TraceEntry struct {
	Proc string // the procedure's name, or "" for top-level code
	Pos  rt.Pos
}

// String is the entry as a backtrace line shows it: "POS in NAME".
func (t TraceEntry) String() string {
	name := t.Proc
	if name == "" {
		name = "top level"
	}
	return fmt.Sprintf("%s in %s", t.Pos, name)
}

// SchemeError is an uncaught raise: the raised object and the backtrace at
// the point of the raise, innermost frame first.
type SchemeError struct {
	Obj   rt.Value
	Trace []TraceEntry
	// Linked is set when Obj is the death of a linked process, raised in
	// this one at a receive: the report then names that process and says
	// where it failed, not where this one noticed it.
	Linked *Death
}

// Death is a process that ended abnormally, as the processes linked to
// it learn of it.
type Death struct {
	Pid    *rt.Pid
	Reason rt.Value
	// Err is the uncaught error the process died of; nil when it was
	// killed, or died on another node.
	Err *SchemeError
}

// origin returns the error that started a chain of linked deaths, and
// the process that died of it: e itself and nil unless e is a linked
// death.
func (e *SchemeError) origin() (*SchemeError, *rt.Pid) {
	var pid *rt.Pid
	for e.Linked != nil && e.Linked.Err != nil {
		e, pid = e.Linked.Err, e.Linked.Pid
	}
	return e, pid
}

// Message returns "MESSAGE IRRITANT..." for an error object and a
// description of any other raised object.
func (e *SchemeError) Message() string {
	if d := e.Linked; d != nil {
		msg := describe(d.Reason)
		if d.Err != nil {
			msg = d.Err.Message()
		}
		return "linked process " + d.Pid.OpaqueString() + " died: " + msg
	}
	if eo, ok := e.Obj.(*rt.ErrorObject); ok {
		return eo.Error()
	}
	return "uncaught raise of " + rt.WriteString(e.Obj)
}

// describe is how a process's death reason reads in a message.
func describe(reason rt.Value) string {
	if eo, ok := reason.(*rt.ErrorObject); ok {
		return eo.Error()
	}
	return rt.WriteString(reason)
}

// Pos returns the position of the innermost frame that has one: of the
// process where a linked death began.
func (e *SchemeError) Pos() rt.Pos {
	e, _ = e.origin()
	if eo, ok := e.Obj.(*rt.ErrorObject); ok && eo.Pos.IsValid() {
		return eo.Pos
	}
	for _, t := range e.Trace {
		if t.Pos.IsValid() {
			return t.Pos
		}
	}
	return rt.Pos{}
}

// Error returns "FILE:LINE:COL: MESSAGE IRRITANT...".
func (e *SchemeError) Error() string {
	if p := e.Pos(); p.IsValid() {
		return p.String() + ": " + e.Message()
	}
	return e.Message()
}

// maxTraceLines bounds the backtrace printed for a deep recursion; the
// outermost traceTail lines of it are kept, since where the recursion
// began tells as much as where it ended.
const (
	maxTraceLines = 20
	traceTail     = 5
)

// Report returns the full text printed for an uncaught error:
//
//	error: MESSAGE IRRITANT...
//	  at FILE:LINE:COL
//	backtrace, innermost first:
//	  FILE:LINE:COL in PROC
//	  FILE:LINE:COL in PROC x COUNT
//
// A frame repeated COUNT times in a row (a recursion) is one line. For
// the death of a linked process, the backtrace is that process's.
func (e *SchemeError) Report() string { return e.report("error", true) }

// FullReport is Report with the whole backtrace, however long.
func (e *SchemeError) FullReport() string { return e.report("error", false) }

// ProcessReport is Report for process pid, which died of e.
func (e *SchemeError) ProcessReport(pid *rt.Pid) string {
	return e.report("error in process "+pid.OpaqueString(), true)
}

func (e *SchemeError) report(title string, short bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n", title, e.Message())
	origin, pid := e.origin()
	if eo, ok := origin.Obj.(*rt.ErrorObject); ok && eo.Hint != "" {
		fmt.Fprintf(&b, "  %s\n", eo.Hint)
	}
	if p := e.Pos(); p.IsValid() {
		fmt.Fprintf(&b, "  at %s\n", p)
	}
	if e.Linked != nil && len(e.Trace) > 0 {
		fmt.Fprintf(&b, "  noticed at %s\n", e.Trace[0].Pos)
	}
	lines := foldTrace(origin.Trace)
	if len(lines) == 0 {
		return b.String()
	}
	if pid != nil {
		fmt.Fprintf(&b, "backtrace of %s, innermost first:\n", pid.OpaqueString())
	} else {
		b.WriteString("backtrace, innermost first:\n")
	}
	if short && len(lines) > maxTraceLines {
		head := lines[:maxTraceLines-traceTail]
		skipped := 0
		for _, l := range lines[len(head) : len(lines)-traceTail] {
			skipped += l.count
		}
		for _, l := range head {
			l.write(&b)
		}
		fmt.Fprintf(&b, "  ... %s more frames\n", groupDigits(skipped))
		lines = lines[len(lines)-traceTail:]
	}
	for _, l := range lines {
		l.write(&b)
	}
	return b.String()
}

// traceLine is a frame of a backtrace, repeated count times in a row.
type traceLine struct {
	TraceEntry
	count int
}

func foldTrace(trace []TraceEntry) []traceLine {
	var lines []traceLine
	for _, t := range trace {
		if n := len(lines); n > 0 && lines[n-1].TraceEntry == t {
			lines[n-1].count++
			continue
		}
		lines = append(lines, traceLine{t, 1})
	}
	return lines
}

func (l traceLine) write(b *strings.Builder) {
	fmt.Fprintf(b, "  %s", l.TraceEntry)
	if l.count > 1 {
		fmt.Fprintf(b, " x %s", groupDigits(l.count))
	}
	b.WriteByte('\n')
}

// groupDigits writes n with commas between groups of three digits.
func groupDigits(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// ExitError is returned when the program calls (exit) or (emergency-exit).
type ExitError struct {
	Code int
}

func (e *ExitError) Error() string { return fmt.Sprintf("exit %d", e.Code) }

// Interrupted is returned when Interrupt stopped an evaluation.
type Interrupted struct{}

func (Interrupted) Error() string { return "interrupted" }
