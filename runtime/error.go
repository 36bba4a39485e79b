package runtime

import "strings"

// ErrorKind classifies error objects for file-error? and read-error?.
type ErrorKind uint8

// The kinds of error objects.
const (
	GeneralError ErrorKind = iota
	FileError
	ReadError
)

// ErrorObject is the object raised by (error message irritant ...) and by
// primitives that reject their arguments. It is also a Go error, so that a
// primitive can return it.
type ErrorObject struct {
	Message   string
	Irritants []Value
	Kind      ErrorKind
	Pos       Pos    // where the error was detected, when not in running code (a syntax error)
	Hint      string // a suggestion for the user ("did you mean car?")
}

// NewError returns an error object with the given message and irritants.
func NewError(message string, irritants ...Value) *ErrorObject {
	return &ErrorObject{Message: message, Irritants: irritants}
}

// TypeError reports that procedure who wanted a want and got got:
// "car: expected pair" with got as the irritant.
func TypeError(who, want string, got Value) *ErrorObject {
	return NewError(who+": expected "+want, got)
}

// Error formats the message followed by the irritants in written form.
func (e *ErrorObject) Error() string {
	var b strings.Builder
	b.WriteString(e.Message)
	for _, irr := range e.Irritants {
		b.WriteByte(' ')
		b.WriteString(WriteString(irr))
	}
	return b.String()
}

// Raise is a Go error that carries an arbitrary raised Scheme object, for
// primitives that raise something other than an error object.
type Raise struct {
	Obj Value
}

func (r *Raise) Error() string {
	if e, ok := r.Obj.(*ErrorObject); ok {
		return e.Error()
	}
	return "non-error object raised: " + WriteString(r.Obj)
}

// Blocking is returned by a primitive whose work may wait on the
// operating system (reading a console): the machine parks the calling
// process, runs Do on another goroutine, and resumes the process with
// Do's result as the primitive's. Do must not touch anything but what it
// was given (no other Scheme state).
type Blocking struct {
	Do func() (Value, error)
}

func (b *Blocking) Error() string { return "blocking operation" }

// RaisedObject returns the Scheme object that a Go error stands for.
func RaisedObject(err error) Value {
	switch e := err.(type) {
	case *ErrorObject:
		return e
	case *Raise:
		return e.Obj
	}
	return NewError(err.Error())
}
