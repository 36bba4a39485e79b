package runtime

// Procedure is implemented by every value that can be applied.
type Procedure interface {
	ProcName() string
}

// Opaque is implemented by objects that print as #<...> and are not one of
// the types the printer knows (ports, environments, pids, ...).
type Opaque interface {
	OpaqueString() string
}

// Primitive is a procedure written in Go. Fn receives its arguments in a
// slice that it must not keep: the slice aliases the machine's stack.
// An error returned by Fn is raised in Scheme: an *ErrorObject or *Raise
// as itself, any other error as an error object with its message.
// Fn never calls back into Scheme; procedures that must (map, apply,
// dynamic-wind, ...) are written in Scheme or built into the machine.
type Primitive struct {
	Name     string
	Min, Max int // arity; Max < 0 means any number from Min up
	Fn       func(args []Value) (Value, error)
}

// ProcName returns the primitive's name.
func (p *Primitive) ProcName() string { return p.Name }

// Variadic is the Max of a primitive that takes any number of arguments.
const Variadic = -1
