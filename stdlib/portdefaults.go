package stdlib

import (
	"fmt"

	"termite/eval"
	rt "termite/runtime"
)

// outputProcedures and inputProcedures are R7RS's procedures whose port
// may be left out: each, NAME, calls the primitive %NAME, which always
// takes the port, right after its required arguments (and before a
// range's start and end, for write-string and the like). A port left out
// is the current output, or input, port (see eval.DefaultArg).
var (
	outputProcedures = []string{"write", "write-shared", "write-simple", "display", "newline",
		"write-char", "write-u8", "flush-output-port", "write-string", "write-bytevector"}
	inputProcedures = []string{"read-char", "peek-char", "read-line", "read-string", "read-u8",
		"peek-u8", "u8-ready?", "char-ready?", "read-bytevector", "read", "read-bytevector!"}
)

// definePortProcedures defines the current ports, as parameters, and the
// procedures of outputProcedures and inputProcedures over them.
func definePortProcedures(in *eval.Interp, stdin, stdout, stderr *rt.Port) error {
	input := &eval.Parameter{Value: stdin}
	output := &eval.Parameter{Value: stdout}
	in.Define("current-input-port", input)
	in.Define("current-output-port", output)
	in.Define("current-error-port", &eval.Parameter{Value: stderr})
	for param, names := range map[*eval.Parameter][]string{output: outputProcedures, input: inputProcedures} {
		for _, name := range names {
			v, _ := in.Lookup("%" + name)
			prim, ok := v.(*rt.Primitive)
			if !ok {
				return fmt.Errorf("%s: no primitive %%%s", name, name)
			}
			in.Define(name, &eval.DefaultArg{Name: name, Prim: prim, At: prim.Min - 1, Param: param})
		}
	}
	return nil
}
