package main

import (
	"strings"
	"sync"

	"termite/eval"
)

// completer completes, on Tab, the name being typed: a bound name or
// syntax keyword, or inside an import, a part of a library name. Readline
// calls it on its own goroutine, so it works on a copy of the names that
// the REPL refreshes between inputs.
type completer struct {
	mu        sync.Mutex
	names     []string
	libraries []string // the parts of library names: scheme, base, srfi, 1, ...
}

// refresh copies the names in now; it runs on the interpreter's goroutine.
func (c *completer) refresh(in *eval.Interp) {
	names := in.Names()
	var parts []string
	for _, lib := range in.LibraryNames() {
		parts = append(parts, strings.Fields(strings.Trim(lib, "()"))...)
	}
	c.mu.Lock()
	c.names, c.libraries = names, parts
	c.mu.Unlock()
}

// Do implements readline.AutoCompleter: the endings of the candidates for
// the word before pos, and that word's length.
func (c *completer) Do(line []rune, pos int) ([][]rune, int) {
	start := pos
	for start > 0 && !delimiter(line[start-1]) {
		start--
	}
	word := string(line[start:pos])
	if word == "" {
		return nil, 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	pool := c.names
	if inImport(string(line[:start])) {
		pool = c.libraries
	}
	var ends [][]rune
	seen := make(map[string]bool)
	for _, name := range pool {
		if strings.HasPrefix(name, word) && !seen[name] {
			seen[name] = true
			ends = append(ends, []rune(name[len(word):]))
		}
	}
	return ends, len([]rune(word))
}

// delimiter reports whether r ends an identifier.
func delimiter(r rune) bool {
	return strings.ContainsRune(" \t\n()[]\"';`,|", r)
}

// inImport reports whether text, which comes before the word being
// completed, leaves it inside an import form.
func inImport(text string) bool {
	i := strings.LastIndex(text, "(import")
	return i >= 0 && strings.Count(text[i:], "(")-strings.Count(text[i:], ")") >= 2
}
