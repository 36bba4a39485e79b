package stdlib

import rt "termite/runtime"

// consoleReads are the input primitives that may wait on a console port,
// with the index of their port argument.
var consoleReads = map[string]int{
	"%read-char": 0, "%peek-char": 0, "%read-line": 0, "%read-string": 1,
	"%read": 0, "%read-u8": 0, "%peek-u8": 0, "%read-bytevector": 1,
	"%read-bytevector!": 1,
}

// singleUnit are the reads that a single buffered byte (or character)
// always satisfies: they run at once when input is buffered.
var singleUnit = map[string]bool{
	"%read-char": true, "%peek-char": true, "%read-u8": true, "%peek-u8": true,
}

// parkOnConsole returns p made to park the calling process, instead of
// blocking the scheduler, when it reads a console port that has nothing
// buffered: the read then runs on another goroutine (see rt.Blocking).
func parkOnConsole(p *rt.Primitive, portArg int) *rt.Primitive {
	read := p.Fn
	single := singleUnit[p.Name]
	wrapped := *p
	wrapped.Fn = func(args []rt.Value) (rt.Value, error) {
		port, ok := args[portArg].(*rt.Port)
		if !ok || !port.Console() {
			return read(args)
		}
		if port.TryLockRead() {
			if single && port.Buffered() > 0 {
				defer port.UnlockRead()
				return read(args)
			}
			port.UnlockRead()
		}
		saved := append([]rt.Value(nil), args...) // args alias the machine's stack
		return nil, &rt.Blocking{Do: port.ParkRead(func() (rt.Value, error) { return read(saved) })}
	}
	return &wrapped
}
