package stdlib

import (
	"fmt"

	"termite/eval"
	rt "termite/runtime"
)

// portProcedures are R7RS's procedures whose port, the argument after
// the first at, may be left out: each calls the primitive prim, which
// always takes it (see eval.DefaultArg). The current port is the current
// input port's unless output.
var portProcedures = []struct {
	name, prim string
	at         int
	output     bool
}{
	{"write", "%write", 1, true},
	{"write-shared", "%write-shared", 1, true},
	{"write-simple", "%write-simple", 1, true},
	{"display", "%display", 1, true},
	{"newline", "%newline", 0, true},
	{"write-char", "%write-char", 1, true},
	{"write-u8", "%write-u8", 1, true},
	{"flush-output-port", "%flush-output-port", 0, true},
	{"write-string", "%write-string", 1, true}, // then start and end
	{"write-bytevector", "%write-bytevector", 1, true},
	{"read-char", "%read-char", 0, false},
	{"peek-char", "%peek-char", 0, false},
	{"read-line", "%read-line", 0, false},
	{"read-string", "%read-string", 1, false},
	{"read-u8", "%read-u8", 0, false},
	{"peek-u8", "%peek-u8", 0, false},
	{"u8-ready?", "%u8-ready?", 0, false},
	{"char-ready?", "%char-ready?", 0, false},
	{"read-bytevector", "%read-bytevector", 1, false},
	{"read", "%read", 0, false},
	{"read-bytevector!", "%read-bytevector!", 1, false}, // then start and end
}

// definePortProcedures defines the current ports, as parameters, and the
// procedures of portProcedures over them.
func definePortProcedures(in *eval.Interp, stdin, stdout, stderr *rt.Port) error {
	input := &eval.Parameter{Value: stdin}
	output := &eval.Parameter{Value: stdout}
	in.Define("current-input-port", input)
	in.Define("current-output-port", output)
	in.Define("current-error-port", &eval.Parameter{Value: stderr})
	for _, p := range portProcedures {
		v, ok := in.Lookup(p.prim)
		prim, isPrim := v.(*rt.Primitive)
		if !ok || !isPrim || prim.Min != p.at+1 {
			return fmt.Errorf("%s: no primitive %s whose port comes after %d arguments", p.name, p.prim, p.at)
		}
		param := input
		if p.output {
			param = output
		}
		in.Define(p.name, &eval.DefaultArg{Name: p.name, Prim: prim, At: p.at, Param: param})
	}
	return nil
}
