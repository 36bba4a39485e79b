package main

import (
	"errors"
	"strings"
	"testing"

	"termite/reader"
)

func TestSplitDatums(t *testing.T) {
	tests := []struct {
		src  string
		skip int
		want []string // each chunk, with its blank padding
	}{
		{"(+ 1 2)\n", 0, []string{"(+ 1 2)\n"}},
		{"\n\n(+ 1 2)\n", 2, []string{"\n\n(+ 1 2)\n"}},
		{"1 2 3\n", 0, []string{"1", "  2", "    3\n"}},
		{"abc def\n", 0, []string{"abc", "    def\n"}},
		{"\n(define x 1) x\n", 1, []string{"\n(define x 1)", "\n             x\n"}},
		{"#true 5\n", 0, []string{"#true", "      5\n"}},
		{"12 1\n", 0, []string{"12", "   1\n"}},
		{"\"a b\" 'c ; comment\n", 0, []string{"\"a b\"", "      'c ; comment\n"}},
		{"(a\n b) (c)\n", 0, []string{"(a\n b)", "  \n    (c)\n"}},
		{"λ 1\n", 0, []string{"λ", "  1\n"}},
		{"; only a comment\n", 0, nil},
		{"\n\n", 2, nil},
	}
	for _, tt := range tests {
		got, err := splitDatums([]byte(tt.src), tt.skip)
		if err != nil {
			t.Errorf("splitDatums(%q): %v", tt.src, err)
			continue
		}
		var gs []string
		for _, c := range got {
			gs = append(gs, string(c))
		}
		if strings.Join(gs, "|") != strings.Join(tt.want, "|") || len(gs) != len(tt.want) {
			t.Errorf("splitDatums(%q) = %q, want %q", tt.src, gs, tt.want)
		}
	}
}

func TestSplitDatumsErrors(t *testing.T) {
	tests := []struct {
		src        string
		incomplete bool
		pos        string
	}{
		{"(+ 1\n", true, ""},
		{"1 (\n", true, ""},
		{"\"abc\n", true, ""},
		{"\n\n1 )\n", false, "repl:3:3"},
	}
	for _, tt := range tests {
		_, err := splitDatums([]byte(tt.src), strings.Count(tt.src, "\n")-1)
		var syntax *reader.Error
		if !errors.As(err, &syntax) {
			t.Errorf("splitDatums(%q): err = %v, want a syntax error", tt.src, err)
			continue
		}
		if syntax.Incomplete != tt.incomplete {
			t.Errorf("splitDatums(%q): Incomplete = %v, want %v", tt.src, syntax.Incomplete, tt.incomplete)
		}
		if tt.pos != "" && !strings.HasPrefix(syntax.Error(), tt.pos+":") {
			t.Errorf("splitDatums(%q): %v, want it at %s", tt.src, syntax, tt.pos)
		}
	}
}
