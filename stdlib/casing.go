package stdlib

import (
	"unicode"
	"unicode/utf8"

	rt "termite/runtime"
)

// The full case mappings of Unicode (SpecialCasing.txt and the F entries of
// CaseFolding.txt) for the characters whose mapping is more than one
// character; every other character uses the simple mappings of the unicode
// package. The tables hold Unicode 14 data, which Unicode 15 did not change.

var upperSpecial = map[rune]string{
	0x00DF: "\u0053\u0053",
	0x0149: "\u02BC\u004E",
	0x01F0: "\u004A\u030C",
	0x0390: "\u0399\u0308\u0301",
	0x03B0: "\u03A5\u0308\u0301",
	0x0587: "\u0535\u0552",
	0x1E96: "\u0048\u0331",
	0x1E97: "\u0054\u0308",
	0x1E98: "\u0057\u030A",
	0x1E99: "\u0059\u030A",
	0x1E9A: "\u0041\u02BE",
	0x1F50: "\u03A5\u0313",
	0x1F52: "\u03A5\u0313\u0300",
	0x1F54: "\u03A5\u0313\u0301",
	0x1F56: "\u03A5\u0313\u0342",
	0x1F80: "\u1F08\u0399",
	0x1F81: "\u1F09\u0399",
	0x1F82: "\u1F0A\u0399",
	0x1F83: "\u1F0B\u0399",
	0x1F84: "\u1F0C\u0399",
	0x1F85: "\u1F0D\u0399",
	0x1F86: "\u1F0E\u0399",
	0x1F87: "\u1F0F\u0399",
	0x1F88: "\u1F08\u0399",
	0x1F89: "\u1F09\u0399",
	0x1F8A: "\u1F0A\u0399",
	0x1F8B: "\u1F0B\u0399",
	0x1F8C: "\u1F0C\u0399",
	0x1F8D: "\u1F0D\u0399",
	0x1F8E: "\u1F0E\u0399",
	0x1F8F: "\u1F0F\u0399",
	0x1F90: "\u1F28\u0399",
	0x1F91: "\u1F29\u0399",
	0x1F92: "\u1F2A\u0399",
	0x1F93: "\u1F2B\u0399",
	0x1F94: "\u1F2C\u0399",
	0x1F95: "\u1F2D\u0399",
	0x1F96: "\u1F2E\u0399",
	0x1F97: "\u1F2F\u0399",
	0x1F98: "\u1F28\u0399",
	0x1F99: "\u1F29\u0399",
	0x1F9A: "\u1F2A\u0399",
	0x1F9B: "\u1F2B\u0399",
	0x1F9C: "\u1F2C\u0399",
	0x1F9D: "\u1F2D\u0399",
	0x1F9E: "\u1F2E\u0399",
	0x1F9F: "\u1F2F\u0399",
	0x1FA0: "\u1F68\u0399",
	0x1FA1: "\u1F69\u0399",
	0x1FA2: "\u1F6A\u0399",
	0x1FA3: "\u1F6B\u0399",
	0x1FA4: "\u1F6C\u0399",
	0x1FA5: "\u1F6D\u0399",
	0x1FA6: "\u1F6E\u0399",
	0x1FA7: "\u1F6F\u0399",
	0x1FA8: "\u1F68\u0399",
	0x1FA9: "\u1F69\u0399",
	0x1FAA: "\u1F6A\u0399",
	0x1FAB: "\u1F6B\u0399",
	0x1FAC: "\u1F6C\u0399",
	0x1FAD: "\u1F6D\u0399",
	0x1FAE: "\u1F6E\u0399",
	0x1FAF: "\u1F6F\u0399",
	0x1FB2: "\u1FBA\u0399",
	0x1FB3: "\u0391\u0399",
	0x1FB4: "\u0386\u0399",
	0x1FB6: "\u0391\u0342",
	0x1FB7: "\u0391\u0342\u0399",
	0x1FBC: "\u0391\u0399",
	0x1FC2: "\u1FCA\u0399",
	0x1FC3: "\u0397\u0399",
	0x1FC4: "\u0389\u0399",
	0x1FC6: "\u0397\u0342",
	0x1FC7: "\u0397\u0342\u0399",
	0x1FCC: "\u0397\u0399",
	0x1FD2: "\u0399\u0308\u0300",
	0x1FD3: "\u0399\u0308\u0301",
	0x1FD6: "\u0399\u0342",
	0x1FD7: "\u0399\u0308\u0342",
	0x1FE2: "\u03A5\u0308\u0300",
	0x1FE3: "\u03A5\u0308\u0301",
	0x1FE4: "\u03A1\u0313",
	0x1FE6: "\u03A5\u0342",
	0x1FE7: "\u03A5\u0308\u0342",
	0x1FF2: "\u1FFA\u0399",
	0x1FF3: "\u03A9\u0399",
	0x1FF4: "\u038F\u0399",
	0x1FF6: "\u03A9\u0342",
	0x1FF7: "\u03A9\u0342\u0399",
	0x1FFC: "\u03A9\u0399",
	0xFB00: "\u0046\u0046",
	0xFB01: "\u0046\u0049",
	0xFB02: "\u0046\u004C",
	0xFB03: "\u0046\u0046\u0049",
	0xFB04: "\u0046\u0046\u004C",
	0xFB05: "\u0053\u0054",
	0xFB06: "\u0053\u0054",
	0xFB13: "\u0544\u0546",
	0xFB14: "\u0544\u0535",
	0xFB15: "\u0544\u053B",
	0xFB16: "\u054E\u0546",
	0xFB17: "\u0544\u053D",
}

var foldSpecial = map[rune]string{
	0x00DF: "\u0073\u0073",
	0x0130: "\u0069\u0307",
	0x0149: "\u02BC\u006E",
	0x01F0: "\u006A\u030C",
	0x0390: "\u03B9\u0308\u0301",
	0x03B0: "\u03C5\u0308\u0301",
	0x0587: "\u0565\u0582",
	0x1E96: "\u0068\u0331",
	0x1E97: "\u0074\u0308",
	0x1E98: "\u0077\u030A",
	0x1E99: "\u0079\u030A",
	0x1E9A: "\u0061\u02BE",
	0x1E9E: "\u0073\u0073",
	0x1F50: "\u03C5\u0313",
	0x1F52: "\u03C5\u0313\u0300",
	0x1F54: "\u03C5\u0313\u0301",
	0x1F56: "\u03C5\u0313\u0342",
	0x1F80: "\u1F00\u03B9",
	0x1F81: "\u1F01\u03B9",
	0x1F82: "\u1F02\u03B9",
	0x1F83: "\u1F03\u03B9",
	0x1F84: "\u1F04\u03B9",
	0x1F85: "\u1F05\u03B9",
	0x1F86: "\u1F06\u03B9",
	0x1F87: "\u1F07\u03B9",
	0x1F88: "\u1F00\u03B9",
	0x1F89: "\u1F01\u03B9",
	0x1F8A: "\u1F02\u03B9",
	0x1F8B: "\u1F03\u03B9",
	0x1F8C: "\u1F04\u03B9",
	0x1F8D: "\u1F05\u03B9",
	0x1F8E: "\u1F06\u03B9",
	0x1F8F: "\u1F07\u03B9",
	0x1F90: "\u1F20\u03B9",
	0x1F91: "\u1F21\u03B9",
	0x1F92: "\u1F22\u03B9",
	0x1F93: "\u1F23\u03B9",
	0x1F94: "\u1F24\u03B9",
	0x1F95: "\u1F25\u03B9",
	0x1F96: "\u1F26\u03B9",
	0x1F97: "\u1F27\u03B9",
	0x1F98: "\u1F20\u03B9",
	0x1F99: "\u1F21\u03B9",
	0x1F9A: "\u1F22\u03B9",
	0x1F9B: "\u1F23\u03B9",
	0x1F9C: "\u1F24\u03B9",
	0x1F9D: "\u1F25\u03B9",
	0x1F9E: "\u1F26\u03B9",
	0x1F9F: "\u1F27\u03B9",
	0x1FA0: "\u1F60\u03B9",
	0x1FA1: "\u1F61\u03B9",
	0x1FA2: "\u1F62\u03B9",
	0x1FA3: "\u1F63\u03B9",
	0x1FA4: "\u1F64\u03B9",
	0x1FA5: "\u1F65\u03B9",
	0x1FA6: "\u1F66\u03B9",
	0x1FA7: "\u1F67\u03B9",
	0x1FA8: "\u1F60\u03B9",
	0x1FA9: "\u1F61\u03B9",
	0x1FAA: "\u1F62\u03B9",
	0x1FAB: "\u1F63\u03B9",
	0x1FAC: "\u1F64\u03B9",
	0x1FAD: "\u1F65\u03B9",
	0x1FAE: "\u1F66\u03B9",
	0x1FAF: "\u1F67\u03B9",
	0x1FB2: "\u1F70\u03B9",
	0x1FB3: "\u03B1\u03B9",
	0x1FB4: "\u03AC\u03B9",
	0x1FB6: "\u03B1\u0342",
	0x1FB7: "\u03B1\u0342\u03B9",
	0x1FBC: "\u03B1\u03B9",
	0x1FC2: "\u1F74\u03B9",
	0x1FC3: "\u03B7\u03B9",
	0x1FC4: "\u03AE\u03B9",
	0x1FC6: "\u03B7\u0342",
	0x1FC7: "\u03B7\u0342\u03B9",
	0x1FCC: "\u03B7\u03B9",
	0x1FD2: "\u03B9\u0308\u0300",
	0x1FD3: "\u03B9\u0308\u0301",
	0x1FD6: "\u03B9\u0342",
	0x1FD7: "\u03B9\u0308\u0342",
	0x1FE2: "\u03C5\u0308\u0300",
	0x1FE3: "\u03C5\u0308\u0301",
	0x1FE4: "\u03C1\u0313",
	0x1FE6: "\u03C5\u0342",
	0x1FE7: "\u03C5\u0308\u0342",
	0x1FF2: "\u1F7C\u03B9",
	0x1FF3: "\u03C9\u03B9",
	0x1FF4: "\u03CE\u03B9",
	0x1FF6: "\u03C9\u0342",
	0x1FF7: "\u03C9\u0342\u03B9",
	0x1FFC: "\u03C9\u03B9",
	0xFB00: "\u0066\u0066",
	0xFB01: "\u0066\u0069",
	0xFB02: "\u0066\u006C",
	0xFB03: "\u0066\u0066\u0069",
	0xFB04: "\u0066\u0066\u006C",
	0xFB05: "\u0073\u0074",
	0xFB06: "\u0073\u0074",
	0xFB13: "\u0574\u0576",
	0xFB14: "\u0574\u0565",
	0xFB15: "\u0574\u056B",
	0xFB16: "\u057E\u0576",
	0xFB17: "\u0574\u056D",
}

// The only character whose full lowercase mapping is longer than one
// character, outside the context-dependent final sigma.
const (
	capitalIWithDot = 'İ'
	capitalSigma    = 'Σ'
)

// foldRune is the simple case folding of r (CaseFolding.txt, statuses C
// and S). Within each set of characters that fold together the fold is
// the lowercase member, found as the lowercase of the uppercase (so that
// final sigma, the Kelvin sign and the long s fold with their letters),
// except for Cherokee, whose folds are uppercase for compatibility with
// the days when it had no lowercase.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	if unicode.SimpleFold(r) == r {
		return r
	}
	if 0x13A0 <= r && r <= 0x13FD || 0xAB70 <= r && r <= 0xABBF {
		return unicode.ToUpper(r)
	}
	return unicode.ToLower(unicode.ToUpper(r))
}

// foldString is the full case folding of s, as string-foldcase and the
// -ci comparisons use it: "Straße" folds to "strasse".
func foldString(s *rt.String) *rt.String {
	out := make([]rune, 0, s.Len())
	for _, r := range s.All() {
		if m, ok := foldSpecial[r]; ok {
			out = append(out, []rune(m)...)
		} else {
			out = append(out, foldRune(r))
		}
	}
	return rt.NewStringRunes(out)
}

// upcaseString is the full uppercase mapping of s: "straße" becomes
// "STRASSE".
func upcaseString(s *rt.String) *rt.String {
	out := make([]rune, 0, s.Len())
	for _, r := range s.All() {
		if m, ok := upperSpecial[r]; ok {
			out = append(out, []rune(m)...)
		} else {
			out = append(out, unicode.ToUpper(r))
		}
	}
	return rt.NewStringRunes(out)
}

// downcaseString is the full lowercase mapping of s, with capital sigma
// becoming final sigma at the end of a word as R7RS asks.
func downcaseString(s *rt.String) *rt.String {
	out := make([]rune, 0, s.Len())
	for i, r := range s.All() {
		switch r {
		case capitalIWithDot:
			out = append(out, 'i', '\u0307')
		case capitalSigma:
			if isFinalSigma(s, i) {
				out = append(out, 'ς')
			} else {
				out = append(out, 'σ')
			}
		default:
			out = append(out, unicode.ToLower(r))
		}
	}
	return rt.NewStringRunes(out)
}

// isFinalSigma applies the Final_Sigma condition of the Unicode standard
// (section 3.13) to character i of s: a cased letter comes before it and
// none after it, skipping case-ignorable characters both ways.
func isFinalSigma(s *rt.String, i int) bool {
	before := false
	for j := i - 1; j >= 0; j-- {
		if c := s.Ref(j); !isCaseIgnorable(c) {
			before = isCased(c)
			break
		}
	}
	if !before {
		return false
	}
	for j := i + 1; j < s.Len(); j++ {
		if c := s.Ref(j); !isCaseIgnorable(c) {
			return !isCased(c)
		}
	}
	return true
}

func isLowercase(r rune) bool {
	return unicode.IsLower(r) || unicode.Is(unicode.Other_Lowercase, r)
}

func isUppercase(r rune) bool {
	return unicode.IsUpper(r) || unicode.Is(unicode.Other_Uppercase, r)
}

func isCased(r rune) bool {
	return isLowercase(r) || isUppercase(r) || unicode.IsTitle(r)
}

// isCaseIgnorable is the Case_Ignorable property: marks, format
// characters, modifiers, and the apostrophes and dots that may sit inside
// a word (Word_Break MidLetter, MidNumLet and Single_Quote).
func isCaseIgnorable(r rune) bool {
	switch r {
	case '\'', '.', ':', '\u00B7', '\u0387', '\u055F', '\u05F4', '\u2018', '\u2019',
		'\u2024', '\u2027', '\uFE13', '\uFE52', '\uFE55', '\uFF07', '\uFF0E', '\uFF1A':
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}

func isAlphabetic(r rune) bool {
	return unicode.IsLetter(r) || unicode.In(r, unicode.Nl, unicode.Other_Alphabetic)
}

// digitValue returns the value of a decimal digit (general category Nd)
// and -1 for any other character. Unicode allocates decimal digits in
// runs of ten from zero, and every range of the Nd table starts a run.
func digitValue(r rune) int {
	if '0' <= r && r <= '9' {
		return int(r - '0')
	}
	if r < utf8.RuneSelf {
		return -1
	}
	for _, rg := range unicode.Nd.R16 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	return -1
}
