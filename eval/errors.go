package eval

import (
	"fmt"
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
}

// Message returns "MESSAGE IRRITANT..." for an error object and a
// description of any other raised object.
func (e *SchemeError) Message() string {
	if eo, ok := e.Obj.(*rt.ErrorObject); ok {
		return eo.Error()
	}
	return "uncaught raise of " + rt.WriteString(e.Obj)
}

// Pos returns the position of the innermost frame that has one.
func (e *SchemeError) Pos() rt.Pos {
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

// maxTraceLines bounds the backtrace printed for a deep recursion.
const maxTraceLines = 20

// Report returns the full text printed for an uncaught error:
//
//	error: MESSAGE IRRITANT...
//	  at FILE:LINE:COL
//	backtrace, innermost first:
//	  FILE:LINE:COL in PROC
func (e *SchemeError) Report() string {
	var b strings.Builder
	fmt.Fprintf(&b, "error: %s\n", e.Message())
	if eo, ok := e.Obj.(*rt.ErrorObject); ok && eo.Hint != "" {
		fmt.Fprintf(&b, "  %s\n", eo.Hint)
	}
	if p := e.Pos(); p.IsValid() {
		fmt.Fprintf(&b, "  at %s\n", p)
	}
	if len(e.Trace) > 0 {
		b.WriteString("backtrace, innermost first:\n")
		for i, t := range e.Trace {
			if i == maxTraceLines {
				fmt.Fprintf(&b, "  ... %d more frames\n", len(e.Trace)-i)
				break
			}
			fmt.Fprintf(&b, "  %s\n", t)
		}
	}
	return b.String()
}

// ExitError is returned when the program calls (exit) or (emergency-exit).
type ExitError struct {
	Code int
}

func (e *ExitError) Error() string { return fmt.Sprintf("exit %d", e.Code) }

// Interrupted is returned when Interrupt stopped an evaluation.
type Interrupted struct{}

func (Interrupted) Error() string { return "interrupted" }
