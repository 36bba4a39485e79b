;; R7RS-small section 6.13: input and output.
(include "lib/check.scm")
(define (output-of proc) (let ((p (open-output-string))) (proc p) (get-output-string p)))
(define (written x) (output-of (lambda (p) (write x p))))
(define (displayed x) (output-of (lambda (p) (display x p))))

;;; 6.13.1 ports
(check 'port-predicates-string-in
       (let ((p (open-input-string "x")))
         (list (port? p) (input-port? p) (output-port? p) (textual-port? p) (binary-port? p)))
       '(#t #t #f #t #f))
(check 'port-predicates-string-out
       (let ((p (open-output-string)))
         (list (port? p) (input-port? p) (output-port? p) (textual-port? p) (binary-port? p)))
       '(#t #f #t #t #f))
(check 'port-predicates-bytevector
       (list (binary-port? (open-input-bytevector #u8(1)))
             (binary-port? (open-output-bytevector))
             (textual-port? (open-input-bytevector #u8(1))))
       '(#t #t #f))
(check 'port?-non-port (list (port? "x") (input-port? 'x) (output-port? 5)) '(#f #f #f))
(check 'current-ports
       (list (input-port? (current-input-port))
             (output-port? (current-output-port))
             (output-port? (current-error-port)))
       '(#t #t #t))
(check 'close-port
       (let ((p (open-input-string "x")))
         (let ((before (input-port-open? p)))
           (close-port p)
           (list before (input-port-open? p))))
       '(#t #f))
(check 'close-output-port
       (let ((p (open-output-string)))
         (close-output-port p)
         (output-port-open? p))
       #f)
(check 'close-input-port
       (let ((p (open-input-string "")))
         (close-input-port p)
         (input-port-open? p))
       #f)
(check 'call-with-port (call-with-port (open-input-string "abc") read-char) #\a)
(check 'call-with-port-closes
       (let ((p (open-input-string "x")))
         (call-with-port p read-char)
         (input-port-open? p))
       #f)
(check 'parameterize-current-output-port
       (let ((p (open-output-string)))
         (parameterize ((current-output-port p))
           (display "hi")
           (write 'there)
           (newline))
         (get-output-string p))
       "hithere\n")
(check 'port-procedures-as-values
       (let ((p (open-output-string)))
         (parameterize ((current-output-port p))
           (apply display '("a"))
           (apply write-char (list #\b p))
           (for-each display '(1 2))
           (let tail ((x 'c)) (display x)))
         (get-output-string p))
       "ab12c")
(check 'parameterize-current-input-port
       (parameterize ((current-input-port (open-input-string "xyz")))
         (list (read-char) (peek-char) (read-string 5)))
       '(#\x #\y "yz"))

;;; 6.13.2 input
(check 'read-char-peek-char
       (let ((p (open-input-string "ab")))
         (list (peek-char p) (read-char p) (read-char p)
               (eof-object? (read-char p)) (eof-object? (peek-char p))))
       '(#\a #\a #\b #t #t))
(check 'read-char-non-ascii
       (let ((p (open-input-string "λ日\x1F600;")))
         (list (read-char p) (read-char p) (read-char p) (eof-object? (read-char p))))
       '(#\λ #\日 #\x1F600 #t))
(check 'read-line
       (let ((p (open-input-string "line1\nline2\n\nlast")))
         (list (read-line p) (read-line p) (read-line p) (read-line p) (eof-object? (read-line p))))
       '("line1" "line2" "" "last" #t))
(check 'read-line-trailing-newline
       (let ((p (open-input-string "one\n")))
         (list (read-line p) (eof-object? (read-line p))))
       '("one" #t))
(check 'read-line-empty-port (eof-object? (read-line (open-input-string ""))) #t)
(check 'read-string (read-string 3 (open-input-string "abcdef")) "abc")
(check 'read-string-short
       (let ((p (open-input-string "ab")))
         (list (read-string 5 p) (eof-object? (read-string 5 p))))
       '("ab" #t))
(check 'read-string-non-ascii (read-string 2 (open-input-string "λμν")) "λμ")
(check 'read-string-then-char
       (let ((p (open-input-string "hello")))
         (list (read-string 2 p) (read-char p)))
       '("he" #\l))
(check 'char-ready? (char-ready? (open-input-string "abc")) #t)
(check 'char-ready?-eof (char-ready? (open-input-string "")) #t)
(check 'read-u8-peek-u8-read-bytevector
       (let ((p (open-input-bytevector #u8(1 2 3))))
         (list (peek-u8 p) (read-u8 p) (read-bytevector 5 p) (eof-object? (read-u8 p))
               (eof-object? (peek-u8 p)) (eof-object? (read-bytevector 2 p))))
       '(1 1 #u8(2 3) #t #t #t))
(check 'u8-ready? (u8-ready? (open-input-bytevector #u8(1))) #t)
(check 'read-bytevector!
       (let ((bv (make-bytevector 4 0))
             (p (open-input-bytevector #u8(7 8 9))))
         (list (read-bytevector! bv p 1) bv))
       '(3 #u8(0 7 8 9)))
(check 'read-bytevector!-range
       (let ((bv (make-bytevector 5 0))
             (p (open-input-bytevector #u8(7 8 9))))
         (list (read-bytevector! bv p 1 3) bv (read-u8 p)))
       '(2 #u8(0 7 8 0 0) 9))
(check 'read-bytevector!-eof
       (eof-object? (read-bytevector! (make-bytevector 2) (open-input-bytevector #u8())))
       #t)
(check 'read-datums
       (let ((p (open-input-string "foo \"bar\" #(1 2) ; comment\n 3.5 (a . b) #\\x #t #u8(1)")))
         (let loop ((acc '()))
           (let ((d (read p)))
             (if (eof-object? d) (reverse acc) (loop (cons d acc))))))
       '(foo "bar" #(1 2) 3.5 (a . b) #\x #t #u8(1)))
(check 'read-quote-abbreviations
       (read (open-input-string "('a `b ,c ,@d)"))
       '((quote a) (quasiquote b) (unquote c) (unquote-splicing d)))
(check 'read-datum-label
       (let ((x (read (open-input-string "#0=(a . #0#)"))))
         (eq? x (cdr x)))
       #t)
(check 'read-datum-label-shared
       (let ((x (read (open-input-string "(#1=(x) #1#)"))))
         (eq? (car x) (cadr x)))
       #t)
(check 'read-datum-comment (read (open-input-string "#;(skip me) kept")) 'kept)
(check 'read-block-comment (read (open-input-string "#| c #| nested |# |# 7")) 7)
(check 'read-eof (eof-object? (read (open-input-string "   ; only a comment\n"))) #t)
(check 'read-then-read-char
       (let ((p (open-input-string "abc def")))
         (read p)
         (read-char p))
       #\space)
(check 'eof-object (eof-object? (eof-object)) #t)
(check 'eof-object?-other (list (eof-object? 'x) (eof-object? "") (eof-object? '())) '(#f #f #f))

;;; 6.13.3 output
(check 'write-string-escapes (written "a\"b\\c") "\"a\\\"b\\\\c\"")
(check 'display-string (displayed "a\"b\\c") "a\"b\\c")
(check 'write-string-roundtrip
       (let ((s (string #\a #\newline #\tab #\" #\\ #\λ (integer->char 7))))
         (equal? s (read (open-input-string (written s)))))
       #t)
(check 'write-char (written #\a) "#\\a")
(check 'display-char (displayed #\a) "a")
(check 'write-list (written '(1 "two" #\3 4.5 sym)) "(1 \"two\" #\\3 4.5 sym)")
(check 'display-list (displayed '(1 "two" #\3 4.5 sym)) "(1 two 3 4.5 sym)")
(check 'write-dotted (written '(1 (2 3) . 4)) "(1 (2 3) . 4)")
(check 'write-empty-list (written '()) "()")
(check 'write-booleans (written (list #t #f)) "(#t #f)")
(check 'write-vector (written (vector 1 "a" #\b)) "#(1 \"a\" #\\b)")
(check 'display-vector (displayed (vector 1 "a" #\b)) "#(1 a b)")
(check 'write-empty-vector (written (vector)) "#()")
(check 'write-bytevector (written (bytevector 1 2 3)) "#u8(1 2 3)")
(check 'write-numbers (written (list 1 -2 1/2 1.5 (expt 2 70))) "(1 -2 1/2 1.5 1180591620717411303424)")
(check 'write-symbol-bars (written (string->symbol "hello world")) "|hello world|")
(check 'write-non-ascii-symbol-bars (written (string->symbol "λ")) "|λ|")
(check 'write-nested-quote-roundtrip
       (equal? (read (open-input-string (written ''(a 'b)))) ''(a 'b))
       #t)
(check 'write-no-labels-without-cycles
       (let ((a (list 1)))
         (written (list a a)))
       "((1) (1))")
(check 'write-simple-shared
       (let ((a (list 1)))
         (output-of (lambda (p) (write-simple (list a a) p))))
       "((1) (1))")
(check 'write-shared-labels-shared
       (let* ((a (list 1))
              (s (output-of (lambda (p) (write-shared (list a a) p))))
              (x (read (open-input-string s))))
         (list (eq? (car x) (cadr x)) (car x)))
       '(#t (1)))
(check 'write-shared-no-sharing
       (output-of (lambda (p) (write-shared (list 1 (list 2) "s") p)))
       "(1 (2) \"s\")")
(check 'write-cycle-uses-labels
       (let* ((x (list 1 2)))
         (set-cdr! (cdr x) x)
         (let ((y (read (open-input-string (written x)))))
           (list (car y) (cadr y) (eq? (cddr y) y))))
       '(1 2 #t))
(check 'write-cycle-exact-form
       (let ((x (list 'a 'b 'c)))
         (set-cdr! (cddr x) x)
         (written x))
       "#0=(a b c . #0#)")
(check 'write-vector-cycle
       (let ((v (vector 1 2)))
         (vector-set! v 1 v)
         (let ((y (read (open-input-string (written v)))))
           (eq? y (vector-ref y 1))))
       #t)
(check 'write-char-proc (output-of (lambda (p) (write-char #\λ p) (write-char #\x p))) "λx")
(check 'write-string-proc (output-of (lambda (p) (write-string "hello" p))) "hello")
(check 'write-string-range (output-of (lambda (p) (write-string "hello" p 1 3))) "el")
(check 'write-string-start (output-of (lambda (p) (write-string "hello" p 3))) "lo")
(check 'newline (output-of newline) "\n")
(check 'get-output-string-accumulates
       (let ((p (open-output-string)))
         (write 'a p)
         (let ((first (get-output-string p)))
           (write 'b p)
           (list first (get-output-string p))))
       '("a" "ab"))
(check 'bytevector-output
       (let ((p (open-output-bytevector)))
         (write-u8 65 p)
         (write-bytevector #u8(66 67 68) p 1)
         (write-bytevector #u8(1 2 3 4) p 1 2)
         (get-output-bytevector p))
       #u8(65 67 68 2))
(check 'flush-output-port (begin (flush-output-port) (flush-output-port (current-output-port)) 'ok) 'ok)

;;; files (in /tmp, with a unique name)
(define tmp-name
  (string-append "/tmp/termite-r7rs-io-"
                 (number->string (current-jiffy))
                 "-"
                 (number->string (exact (floor (* 1000 (current-second)))))
                 ".txt"))
(check 'file-exists-before (file-exists? tmp-name) #f)
(check 'call-with-output-file
       (begin
         (call-with-output-file tmp-name
           (lambda (p)
             (write '(hello "world" 1) p)
             (newline p)
             (display "second line λ" p)))
         (file-exists? tmp-name))
       #t)
(check 'call-with-input-file
       (call-with-input-file tmp-name
         (lambda (p)
           (list (read p) (read-line p) (read-line p) (eof-object? (read-line p)))))
       '((hello "world" 1) "" "second line λ" #t))
(check 'open-input-file
       (let* ((p (open-input-file tmp-name))
              (c (read-char p)))
         (close-input-port p)
         (list c (input-port? p) (textual-port? p)))
       '(#\( #t #t))
(check 'with-output-to-file
       (begin
         (with-output-to-file tmp-name (lambda () (display "abc") (write-char #\λ)))
         (with-input-from-file tmp-name (lambda () (read-string 10))))
       "abcλ")
(check 'open-output-file-truncates
       (let ((p (open-output-file tmp-name)))
         (write-string "xy" p)
         (close-output-port p)
         (call-with-input-file tmp-name (lambda (in) (read-string 100 in))))
       "xy")
(check 'binary-file
       (let ((out (open-binary-output-file tmp-name)))
         (write-u8 0 out)
         (write-bytevector #u8(255 10 206 187) out)
         (close-port out)
         (let* ((in (open-binary-input-file tmp-name))
                (bv (read-bytevector 100 in)))
           (close-port in)
           (list (binary-port? in) bv)))
       '(#t #u8(0 255 10 206 187)))
(check 'binary-file-as-text
       (call-with-input-file tmp-name (lambda (p) (read-char p) (read-char p) (read-char p) (read-char p)))
       #\λ)
(check 'delete-file
       (begin (delete-file tmp-name) (file-exists? tmp-name))
       #f)
