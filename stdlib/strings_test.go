package stdlib

import (
	"testing"

	rt "termite/runtime"
)

func TestChars(t *testing.T) {
	T, F := rt.True, rt.False
	runCases(t, []primCase{
		ok("char?", T, ch('a')),
		ok("char?", F, str("a")),
		ok("char->integer", fx(0x3bb), ch('λ')),
		ok("char->integer", fx(0x1F600), ch('😀')),
		fails("char->integer", "expected character", fx(1)),
		ok("integer->char", ch('A'), fx(65)),
		ok("integer->char", ch(0x10FFFF), fx(0x10FFFF)),
		fails("integer->char", "not a Unicode scalar value", fx(0xD800)),
		fails("integer->char", "not a Unicode scalar value", fx(0x110000)),
		fails("integer->char", "not a Unicode scalar value", fx(-1)),
		fails("integer->char", "expected exact integer", rt.Flonum(65)),
		ok("char=?", T, ch('a'), ch('a'), ch('a')),
		ok("char=?", F, ch('a'), ch('b')),
		ok("char<?", T, ch('a'), ch('b'), ch('c')),
		ok("char<?", F, ch('a'), ch('c'), ch('b')),
		ok("char>?", T, ch('c'), ch('b')),
		ok("char<=?", T, ch('a'), ch('a'), ch('b')),
		ok("char>=?", F, ch('a'), ch('b')),
		fails("char<?", "char<?: expected character", ch('b'), ch('a'), fx(1)),
		ok("char-ci=?", T, ch('a'), ch('A')),
		ok("char-ci=?", T, ch('σ'), ch('Σ'), ch('ς')),
		ok("char-ci=?", T, ch('k'), ch('\u212A')),
		ok("char-ci<?", T, ch('a'), ch('B')),
		ok("char-ci>?", F, ch('a'), ch('B')),
		ok("char-ci<=?", T, ch('Z'), ch('z')),
		ok("char-ci>=?", T, ch('Z'), ch('z')),
		ok("char-alphabetic?", T, ch('a')),
		ok("char-alphabetic?", T, ch('λ')),
		ok("char-alphabetic?", T, ch('中')),
		ok("char-alphabetic?", F, ch('1')),
		ok("char-alphabetic?", F, ch(' ')),
		ok("char-numeric?", T, ch('7')),
		ok("char-numeric?", T, ch('٣')),
		ok("char-numeric?", F, ch('½')),
		ok("char-numeric?", F, ch('x')),
		ok("char-whitespace?", T, ch(' ')),
		ok("char-whitespace?", T, ch('\t')),
		ok("char-whitespace?", T, ch('\n')),
		ok("char-whitespace?", T, ch('\u00A0')),
		ok("char-whitespace?", T, ch('\u2003')),
		ok("char-whitespace?", F, ch('a')),
		ok("char-upper-case?", T, ch('A')),
		ok("char-upper-case?", T, ch('Λ')),
		ok("char-upper-case?", F, ch('a')),
		ok("char-upper-case?", F, ch('1')),
		ok("char-lower-case?", T, ch('a')),
		ok("char-lower-case?", T, ch('ß')),
		ok("char-lower-case?", T, ch('ª')),
		ok("char-lower-case?", F, ch('A')),
		fails("char-upper-case?", "expected character", str("A")),
		ok("digit-value", fx(3), ch('3')),
		ok("digit-value", fx(4), ch('٤')),
		ok("digit-value", fx(0), ch('\u0E50')),
		ok("digit-value", fx(9), ch('\U0001D7FF')),
		ok("digit-value", F, ch('a')),
		ok("digit-value", F, ch('½')),
		ok("char-upcase", ch('A'), ch('a')),
		ok("char-upcase", ch('Λ'), ch('λ')),
		ok("char-upcase", ch('ß'), ch('ß')),
		ok("char-upcase", ch('1'), ch('1')),
		ok("char-downcase", ch('a'), ch('A')),
		ok("char-downcase", ch('σ'), ch('Σ')),
		ok("char-foldcase", ch('a'), ch('A')),
		ok("char-foldcase", ch('σ'), ch('ς')),
		ok("char-foldcase", ch('k'), ch('\u212A')),
		ok("char-foldcase", ch('s'), ch('ſ')),
		ok("char-foldcase", ch('\u0130'), ch('\u0130')),
		ok("char-foldcase", ch('\u13A0'), ch('\uAB70')),
		ok("char-foldcase", ch('ß'), ch('\u1E9E')),
		fails("char-foldcase", "expected character", fx(65)),
	})
}

func TestStrings(t *testing.T) {
	T, F := rt.True, rt.False
	runCases(t, []primCase{
		ok("string?", T, str("")),
		ok("string?", F, ch('a')),
		ok("make-string", str("xxx"), fx(3), ch('x')),
		ok("make-string", str("  "), fx(2)),
		ok("make-string", str(""), fx(0)),
		fails("make-string", "expected exact nonnegative integer", fx(-1)),
		fails("make-string", "expected character", fx(2), str("x")),
		fails("make-string", "size too large", rt.MakeFixnum(1<<40)),
		ok("string", str("aλ"), ch('a'), ch('λ')),
		ok("string", str("")),
		fails("string", "string: expected character", ch('a'), str("b")),
		ok("string-length", fx(3), str("aλ😀")),
		fails("string-length", "expected string", sym("a")),
		ok("string-ref", ch('😀'), str("aλ😀"), fx(2)),
		fails("string-ref", "string-ref: index out of range", str("abc"), fx(3)),
		fails("string-ref", "exact nonnegative integer", str("abc"), fx(-1)),
		fails("string-ref", "exact nonnegative integer", str("abc"), rt.Flonum(1)),
		ok("string=?", T, str("abc"), str("abc"), str("abc")),
		ok("string=?", F, str("abc"), str("abd")),
		ok("string<?", T, str("abc"), str("abd")),
		ok("string<?", T, str("ab"), str("abc")),
		ok("string<?", F, str("abc"), str("ab")),
		ok("string<?", F, str("a"), str("a")),
		ok("string<?", T, str("a"), str("b"), str("c")),
		ok("string<?", F, str("a"), str("c"), str("b")),
		ok("string>?", T, str("b"), str("a")),
		ok("string<=?", T, str("a"), str("a"), str("b")),
		ok("string>=?", F, str("a"), str("b")),
		fails("string=?", "string=?: expected string", str("a"), str("b"), sym("c")),
		ok("string-ci=?", T, str("Straße"), str("STRASSE")),
		ok("string-ci=?", T, str("ΧΑΟΣ"), str("χαος"), str("χαοσ")),
		ok("string-ci=?", F, str("abc"), str("abd")),
		ok("string-ci<?", T, str("apple"), str("Banana")),
		ok("string-ci>?", F, str("apple"), str("Banana")),
		ok("string-ci<=?", T, str("A"), str("a")),
		ok("string-ci>=?", T, str("b"), str("A")),
		ok("substring", str("λ😀"), str("aλ😀b"), fx(1), fx(3)),
		ok("substring", str(""), str("abc"), fx(3), fx(3)),
		fails("substring", "start index past end index", str("abc"), fx(2), fx(1)),
		fails("substring", "end index out of range", str("abc"), fx(0), fx(4)),
		fails("substring", "start index out of range", str("abc"), fx(4), fx(4)),
		ok("string-append", str("abcλ"), str("a"), str("bc"), str("λ")),
		ok("string-append", str("")),
		fails("string-append", "string-append: expected string", str("a"), ch('b')),
		ok("string-copy", str("abc"), str("abc")),
		ok("string-copy", str("bc"), str("abc"), fx(1)),
		ok("string-copy", str("b"), str("abc"), fx(1), fx(2)),
		fails("string-copy", "end index out of range", str("abc"), fx(1), fx(5)),
		ok("string->list", lst(ch('a'), ch('λ')), str("aλ")),
		ok("string->list", lst(ch('b')), str("abc"), fx(1), fx(2)),
		ok("string->list", rt.Null, str("")),
		ok("list->string", str("aλ"), lst(ch('a'), ch('λ'))),
		ok("list->string", str(""), rt.Null),
		fails("list->string", "list->string: expected character", lst(ch('a'), fx(1))),
		fails("list->string", "list->string: expected proper list", rt.Cons(ch('a'), ch('b'))),
		fails("list->string", "list->string: circular list", circularList(ch('a'), ch('b'))),
		ok("string->vector", vec(ch('b'), ch('c')), str("abc"), fx(1)),
		ok("string->vector", vec(), str("")),
		ok("vector->string", str("ab"), vec(ch('a'), ch('b'))),
		ok("vector->string", str("b"), vec(ch('a'), ch('b'), ch('c')), fx(1), fx(2)),
		fails("vector->string", "vector->string: expected character", vec(fx(1))),
		fails("vector->string", "expected vector", str("ab")),
		ok("string-upcase", str("STRASSE"), str("straße")),
		ok("string-upcase", str("ABC Λ"), str("abc λ")),
		ok("string-upcase", str("FI"), str("ﬁ")),
		ok("string-downcase", str("abc λ"), str("ABC Λ")),
		ok("string-downcase", str("χαος"), str("ΧΑΟΣ")),
		ok("string-downcase", str("χαος χαος"), str("ΧΑΟΣ ΧΑΟΣ")),
		ok("string-downcase", str("σ"), str("Σ")),
		ok("string-downcase", str("ας'"), str("ΑΣ'")),
		ok("string-downcase", str("ασα"), str("ΑΣΑ")),
		ok("string-downcase", str("i\u0307"), str("\u0130")),
		ok("string-foldcase", str("strasse"), str("Straße")),
		ok("string-foldcase", str("χαοσ"), str("ΧΑΟΣ")),
		ok("string-foldcase", str("fi"), str("ﬁ")),
		fails("string-foldcase", "expected string", ch('a')),
		ok("string->utf8", bvec(0x61, 0xce, 0xbb), str("aλ")),
		ok("string->utf8", bvec(0xce, 0xbb), str("aλb"), fx(1), fx(2)),
		ok("string->utf8", bvec(), str("")),
		ok("utf8->string", str("aλ"), bvec(0x61, 0xce, 0xbb)),
		ok("utf8->string", str("λ"), bvec(0x61, 0xce, 0xbb), fx(1)),
		ok("utf8->string", str("a"), bvec(0x61, 0xce, 0xbb), fx(0), fx(1)),
		fails("utf8->string", "invalid UTF-8", bvec(0x61, 0xce, 0xbb), fx(0), fx(2)),
		fails("utf8->string", "invalid UTF-8", bvec(0xed, 0xa0, 0x80)),
		fails("utf8->string", "expected bytevector", str("a")),
	})
}

func TestStringMutation(t *testing.T) {
	s := str("abcde")
	if _, err := call(t, "string-set!", s, fx(1), ch('λ')); err != nil || s.String() != "aλcde" {
		t.Errorf("string-set! gave %q, %v", s.String(), err)
	}
	if _, err := call(t, "string-set!", s, fx(5), ch('x')); err == nil {
		t.Error("string-set! past the end succeeded")
	}
	if _, err := call(t, "string-set!", s, fx(0), fx(1)); err == nil {
		t.Error("string-set! of a non-char succeeded")
	}
	call(t, "string-fill!", s, ch('z'), fx(3))
	if s.String() != "aλczz" {
		t.Errorf("string-fill! with start gave %q", s.String())
	}
	call(t, "string-fill!", s, ch('y'), fx(1), fx(2))
	if s.String() != "ayczz" {
		t.Errorf("string-fill! with start and end gave %q", s.String())
	}
	call(t, "string-fill!", s, ch('q'))
	if s.String() != "qqqqq" {
		t.Errorf("string-fill! gave %q", s.String())
	}
	if _, err := call(t, "string-fill!", s, ch('q'), fx(6)); err == nil {
		t.Error("string-fill! with start past the end succeeded")
	}

	d := str("12345")
	call(t, "string-copy!", d, fx(1), str("ab"))
	if d.String() != "1ab45" {
		t.Errorf("string-copy! gave %q", d.String())
	}
	// Overlapping copies, in both directions.
	call(t, "string-copy!", d, fx(1), d, fx(0), fx(3))
	if d.String() != "11ab5" {
		t.Errorf("overlapping string-copy! right gave %q", d.String())
	}
	call(t, "string-copy!", d, fx(0), d, fx(2))
	if d.String() != "ab5b5" {
		t.Errorf("overlapping string-copy! left gave %q", d.String())
	}
	if _, err := call(t, "string-copy!", d, fx(4), str("ab")); err == nil {
		t.Error("string-copy! overflowing the destination succeeded")
	}
	if _, err := call(t, "string-copy!", d, fx(6), str("")); err == nil {
		t.Error("string-copy! at past the end succeeded")
	}
	src := str("abc")
	cp, _ := call(t, "string-copy", src)
	cp.(*rt.String).Set(0, 'z')
	if src.String() != "abc" {
		t.Error("string-copy shares storage with its argument")
	}
}

// TestStringWidth checks which strings the procedures make narrow (a byte
// a character) and which wide, and that the two forms are alike to every
// procedure that compares or hashes strings.
func TestStringWidth(t *testing.T) {
	wide := func(what string, v rt.Value, want string, isWide bool) {
		t.Helper()
		s, ok := v.(*rt.String)
		if !ok || s.String() != want || s.Wide() != isWide {
			t.Errorf("%s: %s (wide %v), want %q (wide %v)", what, rt.WriteString(v), ok && s.Wide(), want, isWide)
		}
	}
	get := func(name string, args ...rt.Value) rt.Value {
		t.Helper()
		v, err := call(t, name, args...)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return v
	}

	s := str("abc")
	get("string-set!", s, fx(1), ch('é'))
	wide("string-set! of a Latin-1 character", s, "aéc", false)
	get("string-set!", s, fx(1), ch('λ'))
	wide("string-set! of a wide character", s, "aλc", true)

	f := str("abcd")
	get("string-fill!", f, ch('λ'), fx(2), fx(2))
	wide("string-fill! of nothing", f, "abcd", false)
	get("string-fill!", f, ch('λ'), fx(2))
	wide("string-fill! of a wide character", f, "abλλ", true)

	d := str("12345")
	get("string-copy!", d, fx(0), str("λab"), fx(1))
	wide("string-copy! of narrow characters from a wide string", d, "ab345", false)
	get("string-copy!", d, fx(3), str("λab"), fx(0), fx(2))
	wide("string-copy! of a wide character", d, "ab3λa", true)

	w := str("λabcé")
	wide("substring of narrow characters of a wide string", get("substring", w, fx(1), fx(5)), "abcé", false)
	wide("string-copy of a wide string", get("string-copy", w), "λabcé", true)
	wide("string-append of narrow strings", get("string-append", str("ab"), str("é")), "abé", false)
	wide("string-append with a wide string", get("string-append", str("ab"), w), "abλabcé", true)
	wide("make-string", get("make-string", fx(2), ch('ÿ')), "ÿÿ", false)
	wide("make-string wide", get("make-string", fx(2), ch('Ā')), "ĀĀ", true)
	wide("list->string", get("list->string", lst(ch('a'), ch('é'))), "aé", false)
	wide("list->string wide", get("list->string", lst(ch('a'), ch('λ'))), "aλ", true)
	wide("string-upcase leaving Latin-1", get("string-upcase", str("ÿ")), "Ÿ", true)
	wide("string-downcase into Latin-1", get("string-downcase", str("Ÿ")), "ÿ", false)
	wide("utf8->string", get("utf8->string", bvec(0x63, 0xc3, 0xa9)), "cé", false)
	wide("number->string", get("number->string", fx(42)), "42", false)

	// A wide string whose characters are all narrow again is the same
	// string as the narrow one to everything that compares or hashes.
	n, back := str("abc"), str("abc")
	get("string-set!", back, fx(0), ch('λ'))
	get("string-set!", back, fx(0), ch('a'))
	wide("a wide string set back", back, "abc", true)
	for _, name := range []string{"string=?", "string<=?", "string>=?", "string-ci=?", "equal?"} {
		if get(name, n, back) != rt.True || get(name, back, n) != rt.True {
			t.Errorf("(%s narrow wide) is false", name)
		}
	}
	if get("string<?", n, back) != rt.False || get("string<?", str("abé"), str("aλ")) != rt.True {
		t.Error("string<? across forms")
	}
	for _, name := range []string{"string-hash", "hash"} {
		if !rt.Eqv(get(name, n), get(name, back)) {
			t.Errorf("%s differs between narrow and wide", name)
		}
	}
	table := get("make-hash-table")
	get("hash-table-set!", table, n, fx(1))
	if v := get("hash-table-ref/default", table, back, rt.False); !rt.Eqv(v, fx(1)) {
		t.Errorf("a hash table keyed by the narrow string finds %s for the wide one", rt.WriteString(v))
	}
}
