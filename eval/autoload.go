package eval

import (
	"fmt"

	"termite/reader"
	rt "termite/runtime"
)

// Parts of the system library are loaded when first used instead of at
// start-up: the SRFIs are most of the library's source, and most programs
// use none of them. A file registered with Autoload runs the first time
// one of the names it defines is looked up in the system environment (by
// the expander, an import, eval, the serializer), so that its names seem
// defined from the start, as if it had been loaded with the rest.

// autoloadFile is system source to run on first use.
type autoloadFile struct {
	file   string
	src    []byte
	loaded bool
}

// autoloadName is a name an autoloadFile defines.
type autoloadName struct {
	f       *autoloadFile
	keyword bool
}

// Autoload registers src, system source that defines the variables vars
// and the keywords keywords, to run when one of them is first looked up.
func (in *Interp) Autoload(src []byte, file string, vars, keywords []string) {
	f := &autoloadFile{file: file, src: src}
	for _, n := range vars {
		in.autoloads[rt.Intern(n)] = autoloadName{f, false}
	}
	for _, n := range keywords {
		in.autoloads[rt.Intern(n)] = autoloadName{f, true}
	}
}

// autoload runs the file that defines sym, if it has not run yet, and
// reports whether it did. The file is the library's own: an error there
// is termite's bug, and stops the expansion that needed the name.
func (in *Interp) autoload(sym *rt.Symbol) bool {
	a, ok := in.autoloads[sym]
	f := a.f
	if !ok || f.loaded {
		return false
	}
	f.loaded = true
	if err := in.runSystemAlone(f.src, f.file); err != nil {
		f.loaded = false
		panic(fmt.Sprintf("loading %s: %v", f.file, err))
	}
	return true
}

// autoloadAll runs every file not run yet: for what lists the whole
// system environment.
func (in *Interp) autoloadAll() {
	for sym := range in.autoloads {
		in.autoload(sym)
	}
}

// runSystemAlone runs system source outside the scheduler: it may be
// needed in the middle of another expansion, while the main machine is
// busy.
func (in *Interp) runSystemAlone(src []byte, file string) error {
	forms, pos, err := reader.ReadAll(src, file)
	if err != nil {
		return err
	}
	if err := in.runFormsAlone(forms, &source{file: file, pos: pos, env: in.system}); err != nil {
		return err
	}
	if in.sealed {
		// Freeze the new bindings, as seal did the others.
		for _, g := range in.system.vars {
			in.bound(g, true)
		}
	}
	return nil
}
