package serialize_test

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"

	rt "termite/runtime"
)

// TestStringWire checks that strings, narrow or wide, go on the wire as
// the encoder did when every string was held as runes: the digests are of
// the messages that encoder wrote. The lengths chosen make the CBOR head
// of the text longer than that of its characters (23 characters in 24
// bytes, 255 in 256, 65535 in 65536), which the encoder fixes after
// writing the text.
func TestStringWire(t *testing.T) {
	in := newInterp(t)
	for _, tt := range []struct{ src, sha string }{
		{`""`, "e2470f45c93dc7679116fc3b189010e8290645a98df42126cf64c9e5fa009a94"},
		{`"hello"`, "e9eca3317329e757f620948a889a8b9ce1497d3fc6d42f54f76f4a3422c31dbd"},
		{`(make-string 24 #\a)`, "1389cea55daf61ee1f0e2ee8edad655303997b4911b24ea97de58a90500efd42"},
		{`"café"`, "b8b8057d5db9db842526d996d9aeaf8c5f5fadc513eec1bdb314f4d8b088769b"},
		{`"\x7f;ÿ"`, "bcdfe81f83fe94a560fb358e925521fea21894e4a008ad69278e4f108ebd1367"},
		{`(make-string 100 #\é)`, "57e7ffbe57cf8c7962dea43f543a03ae1f7ef42e386906e0f57b8270334ca42e"},
		{`(string-append (make-string 22 #\a) "é")`, "958284a158638c956acf98bedb0c4b5c51e522b05794e02a82b3117a98795693"},
		{`(string-append (make-string 254 #\a) "é")`, "023c788bd5a0bcaa9dea198fc636d961d6b99cd30d91bf9c1513ca568116be64"},
		{`(string-append (make-string 65534 #\a) "é")`, "93701b1f39d4ec083d52e59d9d930832605da1517ba6bd5401c6cc59a2d46b28"},
		{`"λ and 𝄞"`, "e9b5470aa711105e7f30c8be9aeee623a2f890de3ac9fa778557e32c26cf0ca7"},
		// A wide string whose characters are all narrow again.
		{`(let ((s (make-string 3 #\a))) (string-set! s 1 #\λ) (string-set! s 1 #\b) s)`,
			"48bfaddc60c9e1b1062a5f03e6f4b7c8db1771248f4cdc422236d60bf4f2e66c"},
		{`(let ((s "é")) (list s s "x" "λ"))`, "40116cff9817aee237033c7ebc2cc97fc5e7621692d721a1d453820b90975a46"},
	} {
		data := encode(t, in, run(t, in, tt.src))
		if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != tt.sha {
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
