package layers

import (
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// module is the module path of termite (go.mod).
const module = "termite"

// anyPackage stands for "every termite package" in a rule.
const anyPackage = "*"

// allowed maps each package, by its folder in the module, to the termite
// packages its non-test files may import. Every folder with Go files must
// be here, so that a new package gets a place in the layering when it is
// made rather than when it first breaks it.
var allowed = map[string][]string{
	"runtime":            {},
	"reader":             {"runtime"},
	"eval":               {"runtime", "reader"},
	"serialize":          {"runtime", "reader", "eval"},
	"stdlib":             {"runtime", "reader", "eval", "serialize"},
	"net":                {"runtime", "reader", "eval", "serialize"},
	"docs":               {},
	"cmd/termite":        {anyPackage},
	"internal/testbin":   {},
	"internal/layers":    {},
	"internal/benchprog": {"eval"},
	// tests/scheme has test files only: it runs the binary it gets from
	// testbin, and needs no other package.
	"tests/scheme": {"internal/testbin"},
}

// testAllowed adds what a package's _test.go files may import besides
// allowed: the tests of eval, serialize and net run Scheme code that needs
// the whole library. (Go itself forbids the cycle where stdlib imports
// the package under test: those tests are external, package eval_test.)
var testAllowed = map[string][]string{
	"eval":      {"stdlib", "internal/benchprog"},
	"serialize": {"stdlib"},
	"net":       {"stdlib"},
	"stdlib":    {"internal/benchprog"},
}

// TestImportRule fails for every import of a termite package that the
// tables above do not allow, and for every package they do not list.
func TestImportRule(t *testing.T) {
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	problems, err := check(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}

// TestCheckFindsViolations makes sure the check can fail: a module in
// which runtime imports eval, and with a package the tables do not know.
func TestCheckFindsViolations(t *testing.T) {
	root := t.TempDir()
	write := func(name, src string) {
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("runtime/a.go", "package runtime\n\nimport _ \"termite/eval\"\n")
	write("eval/a.go", "package eval\n\nimport _ \"termite/runtime\"\n")
	write("eval/a_test.go", "package eval_test\n\nimport _ \"termite/stdlib\"\n")
	write("reader/a_test.go", "package reader\n\nimport _ \"termite/stdlib\"\n")
	write("extra/a.go", "package extra\n")
	write("eval/testdata/x.go", "package x\n\nimport _ \"termite/net\"\n")
	problems, err := check(root)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`extra: a package the import rule does not list: add it to allowed in internal/layers/layers_test.go and to ARCHITECTURE.md`,
		`reader/a_test.go imports termite/stdlib: reader's tests may import only termite/runtime, besides reader itself`,
		`runtime/a.go imports termite/eval: runtime may import no termite package`,
	}
	if !slices.Equal(problems, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(problems, "\n"), strings.Join(want, "\n"))
	}
}

// moduleRoot returns the folder of go.mod above the working directory
// (go test runs a test in its package's folder).
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}

// check returns the violations of the rule in the module at root, sorted.
// It parses the imports of every .go file itself, rather than asking
// go/build or go list, so that a file excluded by build constraints on
// this machine is checked too.
func check(root string) ([]string, error) {
	var problems []string
	seen := map[string]bool{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			// The go command ignores these folders too.
			if path != root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") {
			return nil
		}
		rel, err := filepath.Rel(root, filepath.Dir(path))
		if err != nil {
			return err
		}
		pkg := filepath.ToSlash(rel)
		rules, known := allowed[pkg]
		if !known {
			if !seen[pkg] {
				problems = append(problems, fmt.Sprintf("%s: a package the import rule does not list: add it to allowed in internal/layers/layers_test.go and to ARCHITECTURE.md", pkg))
			}
			seen[pkg] = true
			return nil
		}
		seen[pkg] = true
		test := strings.HasSuffix(name, "_test.go")
		if test {
			// An external test package (package eval_test) imports the
			// package it tests.
			rules = append(slices.Clip(rules), pkg)
			rules = append(rules, testAllowed[pkg]...)
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			ipath, err := strconv.Unquote(imp.Path.Value)
			if err != nil {
				return err
			}
			dep, ok := strings.CutPrefix(ipath, module+"/")
			if !ok {
				continue // the standard library or another module
			}
			if slices.Contains(rules, anyPackage) || slices.Contains(rules, dep) {
				continue
			}
			problems = append(problems, fmt.Sprintf("%s/%s imports %s: %s", pkg, name, ipath, describe(pkg, test)))
		}
		return nil
	})
	slices.Sort(problems)
	return problems, err
}

// describe says what pkg (or its tests) may import, for a failure message.
func describe(pkg string, test bool) string {
	deps, who, besides := allowed[pkg], pkg, ""
	if test {
		deps = append(slices.Clip(deps), testAllowed[pkg]...)
		who, besides = pkg+"'s tests", ", besides "+pkg+" itself"
	}
	if len(deps) == 0 {
		return who + " may import no termite package" + besides
	}
	full := make([]string, len(deps))
	for i, d := range deps {
		full[i] = module + "/" + d
	}
	return who + " may import only " + strings.Join(full, ", ") + besides
}
