package docs

import (
	"strings"
	"testing"
)

func TestEntry(t *testing.T) {
	tests := []struct {
		name  string
		start string // how the entry starts; "" for none
	}{
		{"spawn", "### spawn\n"},
		{"unlink", "### link, unlink\n"},
		{"monitor", "### monitor and the down message\n"},
		{"!", "### !\n"},
		{"!?", "### !?\n"},
		{"no-such-name", ""},
		{"down", ""},
		{"pid?", "### pid?\n"},
	}
	for _, tt := range tests {
		got, ok := Entry(tt.name)
		if ok != (tt.start != "") || !strings.HasPrefix(got, tt.start) {
			t.Errorf("Entry(%q) = %q, %v; want it to start with %q", tt.name, got, ok, tt.start)
			continue
		}
		if ok && strings.Contains(got[len(tt.start):], "\n##") {
			t.Errorf("Entry(%q) runs into the next heading:\n%s", tt.name, got)
		}
		if ok && strings.Count(got, "```")%2 != 0 {
			t.Errorf("Entry(%q) ends inside a code block:\n%s", tt.name, got)
		}
	}
}
