package main

import (
	"fmt"
	"slices"

	"termite/docs"
	"termite/eval"
	rt "termite/runtime"
)

// installHelp defines (help) and (help 'NAME): the second shows the entry
// of NAME in the reference that the program embeds.
func installHelp(in *eval.Interp) error {
	in.DefinePrimitive(&rt.Primitive{Name: "%help-text", Min: 0, Max: 1, Fn: func(a []rt.Value) (rt.Value, error) {
		if len(a) == 0 {
			return rt.NewString(generalHelp), nil
		}
		var name string
		switch x := a[0].(type) {
		case *rt.Symbol:
			name = x.Name
		case *rt.String:
			name = x.String()
		case rt.Procedure:
			name = x.ProcName()
		default:
			return nil, rt.TypeError("help", "symbol", a[0])
		}
		return rt.NewString(helpText(in, name)), nil
	}})
	return in.RunSystemSource([]byte(`(define (help . name) (display (apply %help-text name)))`), "<help>")
}

const generalHelp = `(help 'NAME) shows what NAME is and does, for Termite's names: processes,
messages, links, servers, nodes, migration (spawn, !, ?, recv, !?, link,
monitor, remote-spawn, migrate, ...). In the REPL, ,help lists the commands
and ,apropos WORD the names that contain WORD.
`

func helpText(in *eval.Interp, name string) string {
	if entry, ok := docs.Entry(name); ok {
		return entry
	}
	if slices.Contains(in.Names(), name) {
		return fmt.Sprintf("%s is bound, but the reference has no entry for it: it covers Termite's own names, not R7RS-small's or the SRFIs'.\n", name)
	}
	return fmt.Sprintf("nothing is named %s here (,apropos WORD lists names that contain WORD)\n", name)
}
