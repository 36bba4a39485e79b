package stdlib

import (
	"errors"
	"io"
	"strings"

	"termite/reader"
	rt "termite/runtime"
)

// read on a port works in two steps. The reader parses a complete text,
// while a port may be a terminal that has not yet received the rest of
// its input: so readDatumText first takes from the port exactly the
// characters of the next datum, using only the lexical rules that decide
// where a datum ends (brackets, strings, |symbols|, character literals,
// comments, prefixes and labels), and the reader then parses that text.
// Nothing after the datum is consumed, so a read-line that follows a read
// gets the rest of the line, as in other Schemes.

type datumToken uint8

const (
	tokEOF          datumToken = iota
	tokOpen                    // ( [ #( #u8(
	tokClose                   // ) ]
	tokPrefix                  // ' ` , ,@ #n= : one more datum completes it
	tokDatumComment            // #; : the next datum is skipped
	tokDirective               // #!fold-case #!no-fold-case
	tokAtom                    // anything complete in itself
	tokAtmosphere              // whitespace and comments
)

// isDatumDelimiter matches the reader's delimiters: R7RS's plus brackets,
// braces and control characters.
func isDatumDelimiter(r rune) bool {
	if r < 0x20 || r == 0x7f {
		return true
	}
	switch r {
	case ' ', '(', ')', '[', ']', '{', '}', '"', ';', '|':
		return true
	}
	return false
}

type datumScanner struct {
	p    *rt.Port
	text strings.Builder
	// tok is the text of the current token, for directives.
	tokStart int
}

// next consumes one character; ok is false at the end of input.
func (s *datumScanner) next() (r rune, ok bool, err error) {
	r, _, err = s.p.ReadRune()
	if err == io.EOF {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	s.text.WriteRune(r)
	return r, true, nil
}

func (s *datumScanner) peek() (r rune, ok bool, err error) {
	r, err = s.p.PeekRune()
	if err == io.EOF {
		return 0, false, nil
	}
	return r, err == nil, err
}

// atomRest consumes characters up to the next delimiter.
func (s *datumScanner) atomRest() error {
	for {
		r, ok, err := s.peek()
		if err != nil || !ok || isDatumDelimiter(r) {
			return err
		}
		s.next()
	}
}

// delimited consumes the rest of a string or |symbol| up to the closing
// quote q, honouring backslash escapes.
func (s *datumScanner) delimited(q rune) error {
	for {
		r, ok, err := s.next()
		if err != nil || !ok || r == q {
			return err
		}
		if r == '\\' {
			if _, _, err := s.next(); err != nil {
				return err
			}
		}
	}
}

// blockComment consumes a #| ... |# comment, nested ones included, whose
// opening has been consumed.
func (s *datumScanner) blockComment() error {
	nest := 1
	var prev rune
	for nest > 0 {
		r, ok, err := s.next()
		if err != nil || !ok {
			return err
		}
		switch {
		case prev == '|' && r == '#':
			nest--
			r = 0
		case prev == '#' && r == '|':
			nest++
			r = 0
		}
		prev = r
	}
	return nil
}

func (s *datumScanner) token() (datumToken, error) {
	s.tokStart = s.text.Len()
	r, ok, err := s.next()
	if err != nil || !ok {
		return tokEOF, err
	}
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v':
		return tokAtmosphere, nil
	case ';':
		for {
			r, ok, err := s.next()
			if err != nil || !ok || r == '\n' || r == '\r' {
				return tokAtmosphere, err
			}
		}
	case '(', '[':
		return tokOpen, nil
	case ')', ']':
		return tokClose, nil
	case '\'', '`':
		return tokPrefix, nil
	case ',':
		if r, ok, err := s.peek(); err != nil {
			return tokEOF, err
		} else if ok && r == '@' {
			s.next()
		}
		return tokPrefix, nil
	case '"', '|':
		return tokAtom, s.delimited(r)
	case '#':
		return s.hashToken()
	}
	if isDatumDelimiter(r) {
		// A brace or a control character: the reader will reject it.
		return tokAtom, nil
	}
	return tokAtom, s.atomRest()
}

// hashToken classifies a token whose # has been consumed.
func (s *datumScanner) hashToken() (datumToken, error) {
	r, ok, err := s.peek()
	if err != nil || !ok {
		return tokAtom, err
	}
	switch {
	case r == '|':
		s.next()
		return tokAtmosphere, s.blockComment()
	case r == ';':
		s.next()
		return tokDatumComment, nil
	case r == '(':
		s.next()
		return tokOpen, nil
	case r == '\\':
		s.next()
		// The character after #\ belongs to the literal whatever it is:
		// #\( and #\; are characters, not delimiters.
		if _, _, err := s.next(); err != nil {
			return tokEOF, err
		}
		return tokAtom, s.atomRest()
	case r >= '0' && r <= '9':
		for {
			r, ok, err := s.peek()
			if err != nil || !ok {
				return tokAtom, err
			}
			switch {
			case r >= '0' && r <= '9':
				s.next()
			case r == '=':
				s.next()
				return tokPrefix, nil
			case r == '#':
				s.next()
				return tokAtom, nil
			default:
				return tokAtom, s.atomRest()
			}
		}
	}
	if err := s.atomRest(); err != nil {
		return tokEOF, err
	}
	switch tok := s.text.String()[s.tokStart:]; {
	case tok == "#!fold-case" || tok == "#!no-fold-case":
		return tokDirective, nil
	case tok == "#u8" || tok == "#U8":
		if r, ok, err := s.peek(); err != nil {
			return tokEOF, err
		} else if ok && r == '(' {
			s.next()
			return tokOpen, nil
		}
	}
	return tokAtom, nil
}

// readDatumText consumes the text of the next datum of p, with the
// atmosphere before it. It returns only atmosphere (or nothing) at the
// end of input, and the text read so far when the input ends inside a
// datum, which the reader then reports as incomplete.
func readDatumText(p *rt.Port) (string, error) {
	s := &datumScanner{p: p}
	depth, skip := 0, 0
	for {
		tok, err := s.token()
		if err != nil {
			return "", err
		}
		switch tok {
		case tokEOF:
			return s.text.String(), nil
		case tokAtmosphere, tokPrefix:
			continue
		case tokDirective:
			if depth == 0 {
				p.SetFoldCase(s.text.String()[s.tokStart:] == "#!fold-case")
			}
			continue
		case tokDatumComment:
			if depth == 0 {
				skip++
			}
			continue
		case tokOpen:
			depth++
			continue
		case tokClose:
			if depth > 0 {
				depth--
			}
		}
		if depth > 0 {
			continue
		}
		// A datum is complete at top level: it ends the read unless a #;
		// before it means it was only a comment.
		if skip > 0 {
			skip--
			continue
		}
		return s.text.String(), nil
	}
}

// readDatum implements read on a textual input port.
func readDatum(w who, p *rt.Port) (rt.Value, error) {
	fold := p.FoldCase()
	text, err := readDatumText(p)
	if err != nil {
		return nil, w.error(err.Error(), p)
	}
	if fold {
		// The directive was consumed by an earlier read: restate it.
		text = "#!fold-case " + text
	}
	v, err := reader.New([]byte(text), p.Name()).Read()
	if err == io.EOF {
		return rt.EOF, nil
	}
	if err != nil {
		msg := err.Error()
		var rerr *reader.Error
		if errors.As(err, &rerr) {
			msg = rerr.Msg
		}
		e := w.error(msg, p)
		e.Kind = rt.ReadError
		return nil, e
	}
	return v, nil
}
