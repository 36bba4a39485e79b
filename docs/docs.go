// Package docs holds the user documentation of termite: the reference and
// the tutorial, as Markdown. The reference is embedded in the program, so
// that (help 'NAME) shows the entry of NAME.
package docs

import (
	_ "embed"
	"strings"
)

//go:embed reference.md
var reference string

// Entry returns the entry of the reference for name: the section under a
// "### " heading that names it, up to the next heading. A heading names
// the first word of each of its comma-separated parts ("### link, unlink",
// "### monitor and the down message").
func Entry(name string) (string, bool) {
	lines := strings.SplitAfter(reference, "\n")
	for i, line := range lines {
		heading, ok := strings.CutPrefix(line, "### ")
		if !ok || !names(heading, name) {
			continue
		}
		var b strings.Builder
		b.WriteString(line)
		fenced := false // inside a code block, # starts no heading
		for _, l := range lines[i+1:] {
			if strings.HasPrefix(l, "```") {
				fenced = !fenced
			}
			if !fenced && strings.HasPrefix(l, "#") {
				break
			}
			b.WriteString(l)
		}
		return strings.TrimRight(b.String(), "\n") + "\n", true
	}
	return "", false
}

// names reports whether heading names name.
func names(heading, name string) bool {
	for _, part := range strings.Split(strings.TrimSpace(heading), ",") {
		if f := strings.Fields(part); len(f) > 0 && f[0] == name {
			return true
		}
	}
	return false
}
