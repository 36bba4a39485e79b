package main

import (
	"strings"
	"testing"
)

// TestHelp checks that (help 'NAME) shows the reference's entry of a
// Termite name, and says what it can of other names.
func TestHelp(t *testing.T) {
	tests := []struct{ expr, want string }{
		{"(help 'spawn)", "### spawn\n\n    (spawn BODY ...)"},
		{"(help \"unlink\")", "### link, unlink\n"},
		{"(help !?)", "### !?\n"},
		{"(help 'car)", "car is bound, but the reference has no entry for it"},
		{"(define (mine) 1) (help 'mine)", "mine is bound"},
		{"(help 'nothing-at-all)", "nothing is named nothing-at-all here"},
		{"(help)", "(help 'NAME) shows what NAME is"},
	}
	for _, tt := range tests {
		r := termite(t, t.TempDir(), "", "-e", tt.expr)
		if r.code != 0 || !strings.HasPrefix(r.stdout, tt.want) {
			t.Errorf("%s: %v\nwant stdout to start with %q", tt.expr, r, tt.want)
		}
	}
}
