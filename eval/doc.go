// Package eval owns the evaluation of Scheme code: the expander (core and
// derived forms, hygienic syntax-rules, define-macro, define-library and
// import), the compiler from expanded code to code objects, the machine
// that runs code objects with continuations held as heap data, and the
// scheduler that interleaves processes.
//
// # Expansion
//
// The expander (expand.go, specials.go, derived.go) turns a datum into an
// expression (expr.go) with every identifier resolved: to a lexical
// binding, or to a cell of a top-level Environment (environment.go). Hygiene comes
// from renaming: a syntax-rules expansion renames the identifiers its
// template inserts to Idents that remember the scope of the macro's
// definition (syntax.go). Derived forms insert identifiers that always
// mean the standard bindings.
//
// # Code and the machine
//
// The compiler (compile.go) gives each lambda a Code object: bytecode for
// a stack machine, with lexical addressing (frame slots, flat closures,
// boxes for assigned variables) and calls of standard primitives compiled
// to instructions of their own; (call/cc (lambda (k) ...)) runs its body
// in place. The machine (machine.go) keeps the frames of suspended callers
// as records in a slice next to the operand stack; nothing recurses on the
// Go stack. A continuation (continuation.go) is a chain of immutable
// segments of both: a capture copies only what changed since the last
// one, and the machine leaves the bottom of its stack in the continuation
// it came from until a return reaches it. Continuations, closures and code
// are plain data: no Go closures.
//
// Package serialize writes code, closures and continuations through the
// surface of wire.go, and checks what it reads back with the CodeChecker
// (checker.go), which reads each instruction's operands and stack effect
// from the table the compiler uses (opTable in code.go).
//
// # Processes
//
// A process (process.go) is a machine plus a mailbox, links and monitors.
// The scheduler (scheduler.go) runs the processes of an interpreter on the
// goroutine that calls Apply, each for a quantum of calls; blocking
// receives, sleep and console reads park a process without a goroutine of
// its own (reads complete on a helper goroutine). Selective receives pass
// over messages in the machine: recv by the shapes of its patterns
// (recv_shapes.go), ?? by an instruction that calls its predicate on each
// message in turn (recv_scan.go).
//
// An Interp is not safe for concurrent use, except Interrupt.
package eval
