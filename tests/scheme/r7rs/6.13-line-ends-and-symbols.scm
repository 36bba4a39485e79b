;; R7RS-small 7.1.1: <line ending> is "\n", "\r\n" or "\r", and a comment
;; runs to the line ending; 6.13.2: read-line reads up to the end of a
;; line. 6.13.3: write writes a symbol so that read gives it back,
;; between vertical lines when it would not be read as itself.
(include "lib/check.scm")

(define (lines s)
  (let ((p (open-input-string s)))
    (let loop ((acc '()))
      (let ((l (read-line p)))
        (if (eof-object? l) (reverse acc) (loop (cons l acc)))))))
(check 'read-line-lf (lines "a\nb\n") '("a" "b"))
(check 'read-line-crlf (lines "a\r\nb\r\n") '("a" "b"))
(check 'read-line-cr (lines "a\rb\r") '("a" "b"))
(check 'read-line-mixed (lines "a\r\n\rb\n\r\nc") '("a" "" "b" "" "c"))
(check 'read-line-lf-cr-is-two (lines "a\n\rb") '("a" "" "b"))
(check 'read-line-no-end (lines "last") '("last"))
(check 'read-line-then-read-char
       (let ((p (open-input-string "a\r\nb")))
         (read-line p)
         (read-char p))
       #\b)

(define (read-all s)
  (let ((p (open-input-string s)))
    (let loop ((acc '()))
      (let ((d (read p)))
        (if (eof-object? d) (reverse acc) (loop (cons d acc)))))))
(check 'comment-ends-at-cr (read-all "; note\r(x y)") '((x y)))
(check 'comment-ends-at-crlf (read-all "(x ; note\r\ny)") '((x y)))
(check 'comment-in-list-cr (read-all "(x ; note\ry)") '((x y)))
(check 'cr-is-whitespace (read-all "a\rb\r\nc") '(a b c))
(check 'string-continuation-cr (read-all "\"a\\\r  b\"") '("ab"))
(check 'eval-after-cr-comment (eval (car (read-all "; c\r(+ 1 2)"))) 3)

(define (written sym)
  (let ((p (open-output-string)))
    (write sym p)
    (get-output-string p)))
(define (round-trips? sym)
  (eq? sym (read (open-input-string (written sym)))))
(define odd-names
  '("\\123" "a\\b" "+nan.0abc" "-inf.0x" "+nan.0" "1" "-1.5" "+i" "1/2" "1e3"
    "a b" "tab\there" "line\nend" "" "." "#foo" "a;b" "(x)" "a|b" "a\"b" "'q"
    "λ" "日本" "A" "abc" "+" "-" "..." "->x" "+a" "!$%&*/:<=>?^_~"))
(for-each
 (lambda (name)
   (let ((sym (string->symbol name)))
     (check (string-append "round-trip " (written sym)) (round-trips? sym) #t)))
 odd-names)
(check 'backslash (written (string->symbol "\\123")) "|\\\\123|")
(check 'like-nan (written (string->symbol "+nan.0abc")) "|+nan.0abc|")
(check 'like-inf (written (string->symbol "-INF.0x")) "|-INF.0x|")
(check 'number (written (string->symbol "12")) "|12|")
(check 'whitespace (written (string->symbol "a b")) "|a b|")
(check 'plain (map written '(abc + - ... ->x +a)) '("abc" "+" "-" "..." "->x" "+a"))
;; "Symbols that contain non-ASCII characters are escaped with vertical
;; lines."
(check 'non-ascii (written (string->symbol "λ")) "|λ|")
;; display writes the name as it is.
(check 'display-bare
       (let ((p (open-output-string)))
         (display (string->symbol "+nan.0abc") p)
         (get-output-string p))
       "+nan.0abc")
