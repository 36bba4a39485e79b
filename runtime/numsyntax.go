package runtime

import (
	"math"
	"math/big"
	"math/cmplx"
	"strconv"
)

// maxExactDecimalExp bounds the exponent of an exact decimal such as
// #e1e400: the value is built digit by digit, and a token like #e1e999999999
// must not make the reader allocate gigabytes.
const maxExactDecimalExp = 100000

// ParseNumber parses s with the R7RS number syntax in the given radix (2, 8,
// 10 or 16; a #x #o #b #d prefix overrides it). It reports false when s is
// not a number, which is how the reader tells symbols such as +, ... and
// 1+ from numbers.
func ParseNumber(s string, radix int) (Value, bool) {
	if radix == 10 {
		if v, ok := synSmallDecimal(s); ok {
			return v, true
		}
	}
	var exactness byte
	radixSet := false
	for len(s) >= 2 && s[0] == '#' {
		switch s[1] | 0x20 {
		case 'x', 'o', 'b', 'd':
			if radixSet {
				return nil, false
			}
			radixSet = true
			switch s[1] | 0x20 {
			case 'x':
				radix = 16
			case 'o':
				radix = 8
			case 'b':
				radix = 2
			default:
				radix = 10
			}
		case 'e', 'i':
			if exactness != 0 {
				return nil, false
			}
			exactness = s[1] | 0x20
		default:
			return nil, false
		}
		s = s[2:]
	}
	switch radix {
	case 2, 8, 10, 16:
	default:
		return nil, false
	}
	p := numSyntax{s: s, radix: radix, exact: exactness == 'e'}
	v, ok := p.complex()
	if !ok {
		return nil, false
	}
	if exactness == 'i' {
		v = synInexact(v)
	}
	return v, true
}

// synSmallDecimal is the fast path for the integers that make up nearly
// every numeric literal: at most 18 digits cannot overflow int64.
func synSmallDecimal(s string) (Value, bool) {
	i := 0
	if len(s) > 0 && (s[0] == '-' || s[0] == '+') {
		i = 1
	}
	if i == len(s) || len(s)-i > 18 {
		return nil, false
	}
	var n int64
	for j := i; j < len(s); j++ {
		c := s[j]
		if c < '0' || c > '9' {
			return nil, false
		}
		n = n*10 + int64(c-'0')
	}
	if s[0] == '-' {
		n = -n
	}
	return MakeFixnum(n), true
}

// numSyntax parses the body of a number (after its prefixes).
type numSyntax struct {
	s     string
	radix int
	exact bool // #e: decimals are read exactly, inexact-only forms fail
}

// synReal is a parsed real part: exact (r) or inexact (f).
type synReal struct {
	exact bool
	r     *big.Rat
	f     float64
}

func (x synReal) value() Value {
	if x.exact {
		return NormRat(x.r)
	}
	return Flonum(x.f)
}

func (x synReal) float() float64 {
	if x.exact {
		f, _ := x.r.Float64()
		return f
	}
	return x.f
}

func (x synReal) isExactZero() bool { return x.exact && x.r.Sign() == 0 }

func (p *numSyntax) complex() (Value, bool) {
	s := p.s
	if s == "" {
		return nil, false
	}
	re, i, ok := p.real(0)
	if !ok {
		if len(s) == 2 && (s[0] == '+' || s[0] == '-') && s[1]|0x20 == 'i' {
			return p.rect(synReal{exact: true, r: new(big.Rat)}, synUnitImag(s[0]))
		}
		return nil, false
	}
	if i == len(s) {
		return re.value(), true
	}
	switch s[i] {
	case '@':
		ang, j, ok := p.real(i + 1)
		if !ok || j != len(s) {
			return nil, false
		}
		if ang.isExactZero() {
			return re.value(), true
		}
		if p.exact {
			return nil, false
		}
		return NormComplex(cmplx.Rect(re.float(), ang.float())), true
	case 'i', 'I':
		if i+1 == len(s) && (s[0] == '+' || s[0] == '-') {
			return p.rect(synReal{exact: true, r: new(big.Rat)}, re)
		}
	case '+', '-':
		if i+2 == len(s) && s[i+1]|0x20 == 'i' {
			return p.rect(re, synUnitImag(s[i]))
		}
		im, j, ok := p.real(i)
		if ok && j == len(s)-1 && s[j]|0x20 == 'i' {
			return p.rect(re, im)
		}
	}
	return nil, false
}

func synUnitImag(sign byte) synReal {
	if sign == '-' {
		return synReal{exact: true, r: big.NewRat(-1, 1)}
	}
	return synReal{exact: true, r: big.NewRat(1, 1)}
}

// rect builds re+im·i. There are no exact complex numbers, so an exact zero
// imaginary part gives the real part unchanged and any other makes the
// number inexact (or not a number at all under #e). An inexact zero
// imaginary part stays: -1.0-0.0i is not -1.0 (R7RS 6.2.6: its angle is
// -pi, and it is not real?).
func (p *numSyntax) rect(re, im synReal) (Value, bool) {
	if im.isExactZero() {
		return re.value(), true
	}
	if p.exact {
		return nil, false
	}
	return Compnum(complex(re.float(), im.float())), true
}

// real parses an optionally signed real starting at i.
func (p *numSyntax) real(i int) (synReal, int, bool) {
	s := p.s
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		if f, ok := synInfNaN(s[i+1:]); ok {
			if p.exact {
				return synReal{}, 0, false
			}
			if neg {
				f = -f
			}
			return synReal{f: f}, i + 6, true
		}
		i++
	}
	x, j, ok := p.ureal(i)
	if !ok {
		return synReal{}, 0, false
	}
	if neg {
		if x.exact {
			x.r.Neg(x.r)
		} else {
			x.f = -x.f
		}
	}
	return x, j, true
}

// synInfNaN recognizes inf.0 and nan.0 at the start of s.
func synInfNaN(s string) (float64, bool) {
	if len(s) < 5 || s[3] != '.' || s[4] != '0' {
		return 0, false
	}
	w := string([]byte{s[0] | 0x20, s[1] | 0x20, s[2] | 0x20})
	switch w {
	case "inf":
		return math.Inf(1), true
	case "nan":
		return math.NaN(), true
	}
	return 0, false
}

func synDigit(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return 99
}

func (p *numSyntax) digits(i int) int {
	for i < len(p.s) && synDigit(p.s[i]) < p.radix {
		i++
	}
	return i
}

// ureal parses an unsigned integer, rational or (in radix 10) decimal.
func (p *numSyntax) ureal(i int) (synReal, int, bool) {
	s := p.s
	start := i
	i = p.digits(i)
	intEnd := i
	if p.radix == 10 {
		decimal := false
		fracStart, fracEnd := i, i
		if i < len(s) && s[i] == '.' {
			decimal = true
			fracStart = i + 1
			i = p.digits(fracStart)
			fracEnd = i
		}
		if intEnd == start && fracEnd == fracStart {
			return synReal{}, 0, false
		}
		exp, expEnd, hasExp := p.exponent(i)
		if hasExp {
			decimal = true
			i = expEnd
		}
		if decimal {
			if p.exact {
				x, ok := synExactDecimal(s[start:intEnd]+s[fracStart:fracEnd], exp-int64(fracEnd-fracStart))
				return x, i, ok
			}
			f, err := strconv.ParseFloat(s[start:i], 64)
			if err != nil && !synRangeErr(err) {
				return synReal{}, 0, false
			}
			return synReal{f: f}, i, true
		}
	}
	if intEnd == start {
		return synReal{}, 0, false
	}
	n, ok := new(big.Int).SetString(s[start:intEnd], p.radix)
	if !ok {
		return synReal{}, 0, false
	}
	if i < len(s) && s[i] == '/' {
		dEnd := p.digits(i + 1)
		if dEnd == i+1 {
			return synReal{}, 0, false
		}
		d, ok := new(big.Int).SetString(s[i+1:dEnd], p.radix)
		if !ok || d.Sign() == 0 {
			return synReal{}, 0, false
		}
		return synReal{exact: true, r: new(big.Rat).SetFrac(n, d)}, dEnd, true
	}
	return synReal{exact: true, r: new(big.Rat).SetInt(n)}, i, true
}

func synRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// exponent parses an exponent suffix e[sign]digits at i. A value beyond
// the int64 range saturates: it makes the number 0 or infinite anyway.
func (p *numSyntax) exponent(i int) (int64, int, bool) {
	s := p.s
	if i >= len(s) || s[i]|0x20 != 'e' {
		return 0, 0, false
	}
	j := i + 1
	neg := false
	if j < len(s) && (s[j] == '+' || s[j] == '-') {
		neg = s[j] == '-'
		j++
	}
	k := j
	var e int64
	for k < len(s) && s[k] >= '0' && s[k] <= '9' {
		if e < math.MaxInt32 {
			e = e*10 + int64(s[k]-'0')
		}
		k++
	}
	if k == j {
		return 0, 0, false
	}
	if neg {
		e = -e
	}
	return e, k, true
}

// synExactDecimal returns digits × 10^exp as an exact rational.
func synExactDecimal(digits string, exp int64) (synReal, bool) {
	if exp > maxExactDecimalExp || exp < -maxExactDecimalExp {
		return synReal{}, false
	}
	m, ok := new(big.Int).SetString(digits, 10)
	if !ok {
		return synReal{}, false
	}
	r := new(big.Rat)
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(synAbs(exp)), nil)
	if exp >= 0 {
		r.SetInt(m.Mul(m, scale))
	} else {
		r.SetFrac(m, scale)
	}
	return synReal{exact: true, r: r}, true
}

func synAbs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// synInexact applies a #i prefix.
func synInexact(v Value) Value {
	switch x := v.(type) {
	case Fixnum:
		return Flonum(float64(x.Int()))
	case *Bignum:
		f, _ := new(big.Float).SetInt(&x.I).Float64()
		return Flonum(f)
	case *Ratnum:
		f, _ := x.R.Float64()
		return Flonum(f)
	}
	return v
}

// NumberToString formats a number as number->string and write do. Exact
// numbers use radix (2 to 36, else 10; hex digits are lowercase); inexact
// numbers are always decimal, in the shortest form that reads back as the
// same value, and always show a point or an exponent so they read back
// inexact. A non-number gives its written form.
func NumberToString(v Value, radix int) string {
	if radix < 2 || radix > 36 {
		radix = 10
	}
	switch x := v.(type) {
	case Fixnum:
		return strconv.FormatInt(x.Int(), radix)
	case *Bignum:
		return x.I.Text(radix)
	case *Ratnum:
		return x.R.Num().Text(radix) + "/" + x.R.Denom().Text(radix)
	case Flonum:
		return string(synAppendFlonum(nil, float64(x)))
	case Compnum:
		b := synAppendFlonum(nil, real(x))
		n := len(b)
		b = synAppendFlonum(b, imag(x))
		if b[n] != '-' && b[n] != '+' {
			b = append(b[:n], append([]byte{'+'}, b[n:]...)...)
		}
		return string(append(b, 'i'))
	}
	return WriteString(v)
}

// FixnumString returns the digits of f in the radix as a new string: the
// common case of number->string, in one allocation where NewString of
// NumberToString takes three (the text, its copy, the String).
func FixnumString(f Fixnum, radix int) *String {
	if radix < 2 || radix > 36 {
		radix = 10
	}
	n := &struct {
		s      String
		digits [24]byte // a fixnum in decimal; in a smaller radix, append makes room
	}{}
	n.s.b = strconv.AppendInt(n.digits[:0], f.Int(), radix)
	return &n.s
}

// synAppendFlonum lays out the shortest round-trip digits of f the way
// JavaScript does (positional from 1e-7 to 1e21, else scientific), since
// that matches what Scheme systems print in the common cases: 1.5, 100.0,
// 1e21, 1.5e-7.
func synAppendFlonum(b []byte, f float64) []byte {
	switch {
	case math.IsNaN(f):
		return append(b, "+nan.0"...)
	case math.IsInf(f, 1):
		return append(b, "+inf.0"...)
	case math.IsInf(f, -1):
		return append(b, "-inf.0"...)
	}
	var tmp [32]byte
	e := strconv.AppendFloat(tmp[:0], f, 'e', -1, 64)
	if e[0] == '-' {
		b = append(b, '-')
		e = e[1:]
	}
	k := 0
	for e[k] != 'e' {
		k++
	}
	exp, _ := strconv.Atoi(string(e[k+1:]))
	var digs [24]byte
	d := append(digs[:0], e[0])
	if k > 1 {
		d = append(d, e[2:k]...)
	}
	switch {
	case exp >= 21 || exp < -6:
		b = append(b, d[0])
		if len(d) > 1 {
			b = append(b, '.')
			b = append(b, d[1:]...)
		}
		b = append(b, 'e')
		b = strconv.AppendInt(b, int64(exp), 10)
	case exp < 0:
		b = append(b, "0."...)
		for i := -1; i > exp; i-- {
			b = append(b, '0')
		}
		b = append(b, d...)
	default:
		if len(d) <= exp+1 {
			b = append(b, d...)
			for i := len(d); i <= exp; i++ {
				b = append(b, '0')
			}
			b = append(b, ".0"...)
		} else {
			b = append(b, d[:exp+1]...)
			b = append(b, '.')
			b = append(b, d[exp+1:]...)
		}
	}
	return b
}
