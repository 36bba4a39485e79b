package runtime

import (
	"testing"
	"unicode/utf8"
)

// wideOf returns a wide string holding s, whatever its characters: the
// form a string keeps after its only wide character is overwritten.
func wideOf(s string) *String {
	w := []rune(s)
	return &String{w: &w}
}

// checkString fails unless s holds the characters of want, in the form
// wide says.
func checkString(t *testing.T, what string, s *String, want string, wide bool) {
	t.Helper()
	if s.String() != want || s.Len() != utf8.RuneCountInString(want) {
		t.Errorf("%s: holds %q (%d characters), want %q", what, s.String(), s.Len(), want)
	}
	for i, r := range []rune(want) {
		if s.Ref(i) != r {
			t.Errorf("%s: character %d is %q, want %q", what, i, s.Ref(i), r)
		}
	}
	if s.Wide() != wide {
		t.Errorf("%s: wide=%v, want %v", what, s.Wide(), wide)
	}
}

func TestStringMakers(t *testing.T) {
	checkString(t, "NewString ASCII", NewString("hello"), "hello", false)
	checkString(t, "NewString Latin-1", NewString("café ÿ"), "café ÿ", false)
	checkString(t, "NewString wide", NewString("λx"), "λx", true)
	checkString(t, "NewString late wide", NewString("0123456789abcdé 𝄞"), "0123456789abcdé 𝄞", true)
	checkString(t, "NewString bad UTF-8", NewString("a\xffb"), "a\uFFFDb", true)
	checkString(t, "NewString empty", NewString(""), "", false)
	checkString(t, "NewStringUTF8", NewStringUTF8([]byte("naïve")), "naïve", false)
	for _, text := range []string{"", "hello", "café ÿ", "λx", "0123456789abcdé 𝄞"} {
		s, ok := NewStringValidUTF8([]byte(text))
		if !ok {
			t.Errorf("NewStringValidUTF8(%q) refused valid UTF-8", text)
			continue
		}
		checkString(t, "NewStringValidUTF8", s, text, NewString(text).Wide())
	}
	// Not UTF-8: a bad byte after ASCII, after Latin-1, a surrogate, a
	// sequence cut short at the end.
	for _, text := range []string{"a\xffb", "0123456789abcdef\x80", "é\xc3", "\xed\xa0\x80", "ab\xe2\x82"} {
		if s, ok := NewStringValidUTF8([]byte(text)); ok || s != nil {
			t.Errorf("NewStringValidUTF8(%q) = %v, %v; want nil, false", text, s, ok)
		}
	}
	checkString(t, "NewStringRunes narrow", NewStringRunes([]rune("ÿes")), "ÿes", false)
	checkString(t, "NewStringRunes wide", NewStringRunes([]rune("Ā")), "Ā", true)
	checkString(t, "MakeString narrow", MakeString(3, 'é'), "ééé", false)
	checkString(t, "MakeString wide", MakeString(2, 'λ'), "λλ", true)
	checkString(t, "MakeString empty wide", MakeString(0, 'λ'), "", false)

	// The new string shares nothing with what it was made from.
	b := []byte("abc")
	s := NewStringUTF8(b)
	b[0] = 'z'
	r := []rune("λb")
	w := NewStringRunes(r)
	r[1] = 'z'
	checkString(t, "NewStringUTF8 copies", s, "abc", false)
	v, _ := NewStringValidUTF8(b)
	b[0] = 'y'
	checkString(t, "NewStringValidUTF8 copies", v, "zbc", false)
	checkString(t, "NewStringRunes copies", w, "λb", true)
}

func TestStringSetWidens(t *testing.T) {
	s := NewString("abc")
	s.Set(1, 'ÿ')
	checkString(t, "Latin-1 set", s, "aÿc", false)
	s.Set(1, 'λ')
	checkString(t, "wide set", s, "aλc", true)
	s.Set(1, 'b')
	checkString(t, "narrow set into wide", s, "abc", true)
}

func TestStringFill(t *testing.T) {
	s := NewString("abcd")
	s.Fill('é', 1, 3)
	checkString(t, "narrow fill", s, "aééd", false)
	s.Fill('λ', 2, 2)
	checkString(t, "empty wide fill", s, "aééd", false)
	s.Fill('λ', 0, 2)
	checkString(t, "wide fill", s, "λλéd", true)
	s.Fill('x', 0, 4)
	checkString(t, "narrow fill of wide", s, "xxxx", true)
}

func TestStringCopyFrom(t *testing.T) {
	to := NewString("abcdef")
	to.CopyFrom(1, NewString("λxyλ"), 1, 3)
	checkString(t, "narrow span of wide into narrow", to, "axydef", false)
	to.CopyFrom(4, NewString("éλ"), 0, 2)
	checkString(t, "wide span into narrow", to, "axydéλ", true)
	to.CopyFrom(0, NewString("ÿz"), 0, 2)
	checkString(t, "narrow into wide", to, "ÿzydéλ", true)

	// Overlapping copies within one string, both ways, both forms.
	n := NewString("abcdef")
	n.CopyFrom(2, n, 0, 4)
	checkString(t, "narrow overlap forward", n, "ababcd", false)
	n.CopyFrom(0, n, 2, 6)
	checkString(t, "narrow overlap backward", n, "abcdcd", false)
	w := NewString("λbcdef")
	w.CopyFrom(2, w, 0, 4)
	checkString(t, "wide overlap forward", w, "λbλbcd", true)
	w.CopyFrom(0, w, 2, 6)
	checkString(t, "wide overlap backward", w, "λbcdcd", true)
}

func TestStringSlice(t *testing.T) {
	w := NewString("λabcé")
	checkString(t, "narrow slice of wide", w.Slice(1, 5), "abcé", false)
	checkString(t, "wide slice of wide", w.Slice(0, 2), "λa", true)
	checkString(t, "slice of narrow", NewString("hello").Slice(1, 3), "el", false)
	checkString(t, "empty slice", w.Slice(2, 2), "", false)
	// A slice is a copy.
	sl := w.Slice(1, 3)
	w.Set(1, 'z')
	checkString(t, "slice after set", sl, "ab", false)
}

func TestStringAcrossForms(t *testing.T) {
	for _, s := range []string{"", "a", "ab", "abc", "hello, world", "café ÿ\x00"} {
		n, w := NewString(s), wideOf(s)
		if n.Wide() || !w.Wide() {
			t.Fatalf("%q: the forms are not as meant", s)
		}
		if !n.Equal(w) || !w.Equal(n) || !Equal(n, w) {
			t.Errorf("%q: narrow and wide are not equal", s)
		}
		if n.Compare(w) != 0 || w.Compare(n) != 0 {
			t.Errorf("%q: narrow and wide do not compare equal", s)
		}
		if HashString(n) != HashString(w) || Hash(n) != Hash(w) {
			t.Errorf("%q: narrow and wide hash differently", s)
		}
		// The hash is the one strings had when they were runes.
		if HashString(n) != mixRunes(hcString, []rune(s)) {
			t.Errorf("%q: the hash changed", s)
		}
	}
	ordered := []*String{NewString(""), wideOf("a"), NewString("ab"), NewString("abé"), wideOf("ac"), NewString("é"), NewString("λ"), NewString("λa")}
	for i, a := range ordered {
		for j, b := range ordered {
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = +1
			}
			if got := a.Compare(b); got != want {
				t.Errorf("Compare(%q, %q) = %d, want %d", a.String(), b.String(), got, want)
			}
			if a.Equal(b) != (i == j) {
				t.Errorf("Equal(%q, %q) = %v", a.String(), b.String(), a.Equal(b))
			}
		}
	}
}

func TestStringUTF8(t *testing.T) {
	for _, s := range []string{"", "ascii only, longer than eight", "\x7f\u0080é\u00ff", "abcdefgh é after eight", "λ 𝄞"} {
		if got := string(NewString(s).AppendUTF8([]byte("<"))); got != "<"+s {
			t.Errorf("AppendUTF8 of %q gives %q", s, got)
		}
		if got := wideOf(s).String(); got != s {
			t.Errorf("String of wide %q gives %q", s, got)
		}
	}
	var got []rune
	for i, r := range NewString("aé").All() {
		got = append(got, rune('0'+i), r)
	}
	for i, r := range NewString("λ").All() {
		got = append(got, rune('0'+i), r)
	}
	if string(got) != "0a1é0λ" {
		t.Errorf("All yields %q", string(got))
	}
	r := NewString("aé").Runes()
	if string(r) != "aé" {
		t.Errorf("Runes gives %q", string(r))
	}
}

func TestStringBuilder(t *testing.T) {
	var b StringBuilder
	b.Grow(10)
	b.Append(NewString("ab"))
	b.Append(NewString("é"))
	checkString(t, "narrow build", b.Build(), "abé", false)
	checkString(t, "builder empty again", b.Build(), "", false)
	b.Append(NewString("a"))
	b.Append(wideOf("b"))
	checkString(t, "wide form, narrow characters", b.Build(), "ab", false)
	b.Append(NewString("a"))
	b.Append(NewString("λ"))
	b.Append(NewString("c"))
	b.Append(wideOf("d"))
	checkString(t, "wide build", b.Build(), "aλcd", true)
}

// TestASCIIPrefix puts one byte that is not ASCII at every place of
// strings long enough to use each of asciiPrefix's loops.
func TestASCIIPrefix(t *testing.T) {
	for n := 0; n <= 150; n++ {
		b := make([]byte, n)
		for i := range b {
			b[i] = 'a' + byte(i%26)
		}
		if got := asciiPrefix(b); got != n {
			t.Errorf("ASCII of %d bytes: prefix %d", n, got)
		}
		for at := range n {
			b[at] = 0x80
			if got := asciiPrefix(b); got != at {
				t.Errorf("%d bytes, not ASCII at %d: prefix %d", n, at, got)
			}
			b[at] = 0x7f
		}
	}
}
