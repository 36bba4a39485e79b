package serialize_test

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"

	rt "termite/runtime"
)

// TestStringWire checks that strings, narrow or wide, go on the wire as
// the encoder did when every string was held as runes: the digests are of
// the messages that encoder wrote, from after the format version, which
// changes for reasons of its own. The lengths chosen make the CBOR head
// of the text longer than that of its characters (23 characters in 24
// bytes, 255 in 256, 65535 in 65536), which the encoder fixes after
// writing the text.
func TestStringWire(t *testing.T) {
	in := newInterp(t)
	for _, tt := range []struct{ src, sha string }{
		{`""`, "e815921ed9ad67b46a9281d192f392fbc9d6377fdec29c6c2724b7c1093ff7f6"},
		{`"hello"`, "c2a3a07c6b40382027a972d13145630ffe67858df6d22ce1938b47b91a74503d"},
		{`(make-string 24 #\a)`, "e414a5de174d3869762416f52f501dd84b1c40868a4ecc9fd91054adf0e96b3d"},
		{`"café"`, "5ea1fbe67d34020e9d9b2cc246a4d380eecc9c8a47d07c4fea41383e1557d827"},
		{`"\x7f;ÿ"`, "a0e4f3d4c080b452f9e35a67f88ea6c0921a3c62a4a62a0ff284228b1ac724d4"},
		{`(make-string 100 #\é)`, "b2db96908244ceb1474dc226d231645f48058fec8886ee6d1962b3f70f280073"},
		{`(string-append (make-string 22 #\a) "é")`, "b30b29db5320a4866340924983fc260469673bb61967821a53df86899e9841f2"},
		{`(string-append (make-string 254 #\a) "é")`, "6c8e5cf26052de131e09b59de8922d8e3d7bbd810423b5377949d1a2105dd9b7"},
		{`(string-append (make-string 65534 #\a) "é")`, "dcf521bcb11947b34e71315f6979eaf4cb79fa23d45c82e9b895ba0cb382b83f"},
		{`"λ and 𝄞"`, "afa0668dc31e5d8003163f65fad4ef435c22f768720e00924f337ad8132a71f7"},
		// A wide string whose characters are all narrow again.
		{`(let ((s (make-string 3 #\a))) (string-set! s 1 #\λ) (string-set! s 1 #\b) s)`,
			"d8cd5c74dea54b804efca6c392b723bfc5a8752308730b2d33f2d5f3fff9209d"},
		{`(let ((s "é")) (list s s "x" "λ"))`, "bb32162fd786507c8c638c41b6793eea68253213a4eabc70cbdc65266a957318"},
	} {
		data := encode(t, in, run(t, in, tt.src))
		if data[0] != 0x83 || data[1] != byte(version) {
			t.Fatalf("%s: the message does not start [version: %x", tt.src, data)
		}
		if sum := sha256.Sum256(data[2:]); hex.EncodeToString(sum[:]) != tt.sha {
			t.Errorf("%s: the message changed; it is now %x", tt.src, data)
		}
	}
}

// TestStringRoundTripForms checks that a decoded string has the
// characters sent and the narrowest form that holds them.
func TestStringRoundTripForms(t *testing.T) {
	a, b := newInterp(t), newInterp(t)
	for _, tt := range []struct {
		src  string
		wide bool
	}{
		{`""`, false},
		{`(make-string 100000 #\a)`, false},
		{`"ASCII first, then Latin-1: café, ÿ"`, false},
		{`(make-string 1000 #\é)`, false},
		{`(string-append (make-string 1000 #\a) "λ")`, true},
		{`"𝄞"`, true},
		{`(let ((s (make-string 3 #\a))) (string-set! s 1 #\λ) (string-set! s 1 #\b) s)`, false},
	} {
		v := run(t, a, tt.src).(*rt.String)
		c, ok := decode(t, b, encode(t, a, v)).(*rt.String)
		if !ok || !rt.Equal(v, c) || c.String() != v.String() {
			t.Errorf("%s: came back as %s", tt.src, rt.WriteString(c))
			continue
		}
		if c.Wide() != tt.wide {
			t.Errorf("%s: came back wide=%v, want %v", tt.src, c.Wide(), tt.wide)
		}
	}
}
