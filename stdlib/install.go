package stdlib

import (
	"embed"
	"fmt"
	"slices"

	"termite/eval"
	rt "termite/runtime"
)

//go:embed scheme/*.scm
var schemeFiles embed.FS

// libraryFiles are the Scheme parts of the library run at start, in load
// order; onDemand are those that run when one of their names is first
// used, as the SRFIs' do (see eval.Autoload): a program that uses no
// generic server, supervisor or tool does not pay for compiling them.
var (
	libraryFiles = []string{
		"scheme/control.scm",
		"scheme/io.scm",
		"scheme/lists.scm",
		"scheme/termite.scm",
	}
	onDemand = []string{"scheme/server.scm", "scheme/tools.scm"}
)

// Install defines the standard procedures in in: the Go primitives, the
// console ports, and the library written in Scheme (the SRFIs' Scheme
// files run when one of their names is first used: see eval.Autoload).
func Install(in *eval.Interp) error {
	for _, p := range primitives {
		if i, ok := consoleReads[p.Name]; ok {
			p = parkOnConsole(p, i)
		}
		in.DefinePrimitive(p)
	}
	for _, p := range systemPrimitives(in) {
		in.DefinePrimitive(p)
	}
	def := &randomSource{state: initialRandomState}
	in.Define("default-random-source", def)
	for _, p := range srfi27Primitives(def) {
		in.DefinePrimitive(p)
	}
	opts := in.Options()
	stdout := rt.NewOutputPort(opts.Stdout, "stdout", true)
	stderr := rt.NewOutputPort(opts.Stderr, "stderr", true)
	stderr.SetAutoFlush(true)
	stdin := rt.NewInputPort(opts.Stdin, "stdin", true)
	stdin.SetTie(stdout)
	in.Define("%stdin", stdin)
	in.Define("%stdout", stdout)
	in.Define("%stderr", stderr)
	if err := definePortProcedures(in, stdin, stdout, stderr); err != nil {
		return err
	}
	for _, name := range libraryFiles {
		if err := loadSystemFile(in, name); err != nil {
			return err
		}
	}
	for _, name := range autoloaded() {
		src, err := schemeFiles.ReadFile(name)
		if err != nil {
			return err
		}
		in.Autoload(src, "<"+name+">")
	}
	for _, s := range srfis {
		in.ProvideLibrary(fmt.Sprintf("(srfi %d)", s.number))
	}
	for _, p := range serializePrimitives(in) {
		in.DefinePrimitive(p)
	}
	return nil
}

// autoloaded are the files of the library that run when one of their
// names is first used.
func autoloaded() []string {
	files := slices.Clone(onDemand)
	for _, s := range srfis {
		files = append(files, s.files...)
	}
	return files
}

func loadSystemFile(in *eval.Interp, name string) error {
	src, err := schemeFiles.ReadFile(name)
	if err != nil {
		return err
	}
	return in.RunSystemSource(src, "<"+name+">")
}
