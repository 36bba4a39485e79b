package runtime

import (
	"strings"
	"unicode/utf8"
)

// PrettyString returns v written as write does, laid out on lines of at
// most width columns where it can be: a list or vector that does not fit
// on the rest of its line is broken into lines, with the bodies of the
// binding forms (define, lambda, let, ...) indented by two columns, the
// arguments of a call aligned under its first argument, and lists of
// atoms filled line by line. A value with cycles is written on one line,
// with its datum labels.
func PrettyString(v Value, width int) string {
	if isPrintContainer(v) && !walkWithinBudget(v) && len(findLabels(v, false)) > 0 {
		return WriteString(v)
	}
	pp := prettyPrinter{width: width}
	pp.print(v)
	return pp.b.String()
}

type prettyPrinter struct {
	b     strings.Builder
	width int
	col   int // the column the next character goes to
}

// bodyIndent gives, for the forms whose body is indented by two columns,
// how many of their subforms stay on the first line with the keyword.
var bodyIndent = map[string]int{
	"define": 1, "define-syntax": 1, "define-record-type": 1, "define-values": 1,
	"define-library": 1, "define-macro": 1,
	"lambda": 1, "case-lambda": 0, "named-lambda": 1,
	"let": 1, "let*": 1, "letrec": 1, "letrec*": 1, "let-values": 1, "let*-values": 1,
	"let-syntax": 1, "letrec-syntax": 1, "parameterize": 1, "fluid-let": 1,
	"when": 1, "unless": 1, "do": 2, "case": 1, "syntax-rules": 1,
	"guard": 1, "dynamic-wind": 0, "begin": 0,
	"recv": 0, "match": 1, "receive": 2, "with-exception-handler": 0,
}

func (pp *prettyPrinter) emit(s string) {
	pp.b.WriteString(s)
	pp.col += utf8.RuneCountInString(s)
}

func (pp *prettyPrinter) newline(col int) {
	pp.b.WriteByte('\n')
	pp.b.WriteString(strings.Repeat(" ", col))
	pp.col = col
}

// fits reports whether v, written flat, takes at most room columns. It
// stops measuring once room is spent, so that asking costs no more than
// the room on a long list.
func fits(v Value, room int) bool {
	return flatWidth(v, room) <= room
}

// flatWidth is the width of v written flat, or some number over limit.
func flatWidth(v Value, limit int) int {
	switch x := v.(type) {
	case *Pair:
		n := 1
		for {
			n += flatWidth(x.Car, limit-n)
			if n > limit {
				return n
			}
			switch d := x.Cdr.(type) {
			case *Pair:
				x = d
				n++
				continue
			case *nullType:
				return n + 1
			default:
				return n + 3 + flatWidth(d, limit-n-3) + 1
			}
		}
	case *Vector:
		n := 2
		for i, it := range x.Items {
			if i > 0 {
				n++
			}
			n += flatWidth(it, limit-n)
			if n > limit {
				return n
			}
		}
		return n + 1
	}
	return utf8.RuneCountInString(WriteString(v))
}

func (pp *prettyPrinter) print(v Value) {
	if fits(v, pp.width-pp.col) {
		pp.emit(WriteString(v))
		return
	}
	switch x := v.(type) {
	case *Pair:
		pp.list(x)
	case *Vector:
		pp.emit("#(")
		pp.items(x.Items, Null, pp.col)
		pp.emit(")")
	default:
		pp.emit(WriteString(v))
	}
}

// list prints a list that does not fit on the rest of the line.
func (pp *prettyPrinter) list(x *Pair) {
	var items []Value
	var tail Value = Null
	for v := Value(x); ; {
		p, ok := v.(*Pair)
		if !ok {
			tail = v
			break
		}
		items = append(items, p.Car)
		v = p.Cdr
	}
	start := pp.col
	pp.emit("(")
	head, isSym := items[0].(*Symbol)
	if !isSym || len(items) == 1 {
		pp.items(items, tail, start+1)
		pp.emit(")")
		return
	}
	pp.emit(WriteString(head))
	rest := items[1:]
	if n, ok := bodyIndent[head.Name]; ok {
		if _, named := rest[0].(*Symbol); named && head.Name == "let" {
			n = 2
		}
		// (let name? bindings... then the body two columns in.
		for n > 0 && len(rest) > 0 {
			pp.emit(" ")
			pp.print(rest[0])
			rest = rest[1:]
			n--
		}
		for _, it := range rest {
			pp.newline(start + 2)
			pp.print(it)
		}
		pp.tail(tail, start+2)
		pp.emit(")")
		return
	}
	// A call: the arguments under the first one, if that leaves room for
	// them; else each on a line of its own, one column in.
	align := pp.col + 1
	if align > start+pp.width/3 {
		align = start + 1
		for _, it := range rest {
			pp.newline(align)
			pp.print(it)
		}
	} else {
		pp.emit(" ")
		for i, it := range rest {
			if i > 0 {
				pp.newline(align)
			}
			pp.print(it)
		}
	}
	pp.tail(tail, align)
	pp.emit(")")
}

// items prints the elements of a list or vector from column col: atoms
// filled onto lines as they fit, anything else on a line of its own.
func (pp *prettyPrinter) items(items []Value, tail Value, col int) {
	for i, it := range items {
		if i > 0 {
			if isPrintContainer(it) || isPrintContainer(items[i-1]) || !fits(it, pp.width-pp.col-1) {
				pp.newline(col)
			} else {
				pp.emit(" ")
			}
		}
		pp.print(it)
	}
	pp.tail(tail, col)
}

// tail prints the " . TAIL" of an improper list.
func (pp *prettyPrinter) tail(tail Value, col int) {
	if tail == Null {
		return
	}
	if fits(tail, pp.width-pp.col-3) {
		pp.emit(" . ")
	} else {
		pp.newline(col)
		pp.emit(". ")
	}
	pp.print(tail)
}
