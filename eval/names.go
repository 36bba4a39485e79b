package eval

import (
	"slices"
	"strings"

	rt "termite/runtime"
)

// Names returns, sorted, the names a program can use at its top level:
// the variables that have a value, the syntax keywords, and the names of
// the library not loaded yet. Internal names (starting with %) are left
// out.
func (in *Interp) Names() []string {
	seen := make(map[string]bool)
	in.visible(in.program, func(sym *rt.Symbol) {
		if !strings.HasPrefix(sym.Name, "%") {
			seen[sym.Name] = true
		}
	})
	names := make([]string, 0, len(seen))
	for name := range seen {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// visible calls f with each name that code in env can use: its variables
// that have a value and its keywords, those of its parents, and the names
// of the library not loaded yet (once or more each).
func (in *Interp) visible(env *Environment, f func(*rt.Symbol)) {
	for ; env != nil; env = env.parent {
		for sym, g := range env.vars {
			if g.Value != nil {
				f(sym)
			}
		}
		for sym := range env.syntax {
			f(sym)
		}
		if env == in.system {
			for sym, a := range in.autoloads {
				if !a.f.loaded {
					f(sym)
				}
			}
		}
	}
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
