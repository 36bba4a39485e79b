package eval

import (
	"slices"
	"strings"
)

// Names returns, sorted, the names a program can use at its top level:
// the variables that have a value, the syntax keywords, and the names of
// the library not loaded yet. Internal names (starting with %) are left
// out.
func (in *Interp) Names() []string {
	seen := make(map[string]bool)
	add := func(name string) {
		if !strings.HasPrefix(name, "%") {
			seen[name] = true
		}
	}
	for env := in.program; env != nil; env = env.parent {
		for sym, g := range env.vars {
			if g.Value != nil {
				add(sym.Name)
			}
		}
		for sym := range env.syntax {
			add(sym.Name)
		}
	}
	for sym, a := range in.autoloads {
		if !a.f.loaded {
			add(sym.Name)
		}
	}
	names := make([]string, 0, len(seen))
	for name := range seen {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// LibraryNames returns, sorted, the written names of the libraries a
// program can import without looking for a file: the standard ones, those
// of the system environment, and those loaded.
func (in *Interp) LibraryNames() []string {
	names := slices.Clone(standardLibraries)
	for name := range in.provided {
		names = append(names, name)
	}
	for name := range in.libraries {
		names = append(names, name)
	}
	slices.Sort(names)
	return slices.Compact(names)
}
