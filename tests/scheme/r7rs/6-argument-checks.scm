;; R7RS-small: where the report says "it is an error", termite raises.
(include "lib/check.scm")

;; 6.2.6, 6.3, 6.5, 6.6, 6.7: the comparisons take at least two arguments,
;; (= z1 z2 z3 ...), (char=? char1 char2 char3 ...), and so on.
(check-error '=-one (= 1))
(check-error '<-one (< 1))
(check-error '>=-one (>= 1))
(check-error 'char<?-one (char<? #\a))
(check-error 'char-ci=?-one (char-ci=? #\a))
(check-error 'string=?-one (string=? "a"))
(check-error 'string-ci<?-one (string-ci<? "a"))
(check-error 'boolean=?-one (boolean=? #f))
(check-error 'symbol=?-one (symbol=? 'a))
(check 'two-still-fine (list (= 1 1) (< 1 2) (char<? #\a #\b) (string=? "a" "a")
                             (boolean=? #f #f) (symbol=? 'a 'a))
       '(#t #t #t #t #t #t))
;; An argument count error names the procedure.
(check '=-one-message (= 1)
       '(raised "=: wrong number of arguments: expected at least 2, got 1" ()))

;; 6.10: (apply proc arg1 ... args): the list args is required.
(check-error 'apply-no-list (apply +))
(check 'apply-list (apply + '()) 0)

;; 6.4: length, memq, member, assq and assoc are given lists; a circular
;; one raises instead of looping, and so does a non-list.
(define (circular . items)
  (let ((l (list-copy items)))
    (set-cdr! (list-tail l (- (length l) 1)) l)
    l))
(check-error 'length-circular (length (circular 1 2 3)))
(check-error 'memq-circular (memq 'z (circular 'a 'b)))
(check-error 'member-circular (member 'z (circular 'a 'b)))
(check-error 'assq-circular (assq 'z (circular '(a . 1) '(b . 2))))
(check-error 'assoc-circular (assoc 'z (circular '(a . 1) '(b . 2))))
(check-error 'member-non-list (member 1 5))
(check-error 'assoc-non-list (assoc 1 5))
(check-error 'memv-improper (memv 9 '(1 2 . 3)))
;; The answer is found before the end: still an answer.
(check 'memq-circular-found (car (memq 'b (circular 'a 'b))) 'b)
;; list-ref: "The list argument can be circular, but it is an error if
;; list has fewer than k elements", and it is the car of list-tail.
(check 'list-ref-circular (list-ref (circular 'a 'b 'c) 7) 'b)
(check 'list-tail-circular (car (list-tail (circular 'a 'b 'c) 4)) 'b)
(check-error 'list-ref-short (list-ref '(a b) 2))
(check-error 'list-tail-short (list-tail '(a b) 3))

;; 6.13: the port is the last argument of the output and input
;; procedures; nothing may follow it.
(define out (open-output-string))
(check-error 'write-extra (write 1 out 'extra))
(check-error 'display-extra (display 1 out 'extra))
(check-error 'newline-extra (newline out 'extra))
(check-error 'write-char-extra (write-char #\a out 'extra))
(check-error 'read-char-extra (read-char (open-input-string "a") 'extra))
(check-error 'read-line-extra (read-line (open-input-string "a") 'extra))
(check-error 'read-extra (read (open-input-string "a") 'extra))
(check-error 'write-string-extra (write-string "abc" out 0 1 'extra))
(check-error 'write-bytevector-extra
             (write-bytevector (bytevector 1) (open-output-bytevector) 0 1 'extra))
(check-error 'read-bytevector!-extra
             (read-bytevector! (make-bytevector 2) (open-input-bytevector (bytevector 1)) 0 1 'extra))
(check 'nothing-written (get-output-string out) "")
(check 'write-string-range
       (let ((p (open-output-string)))
         (write-string "abcd" p 1 3)
         (write-string "xy" p 1)
         (get-output-string p))
       "bcy")
(check 'read-bytevector!-range
       (let ((b (make-bytevector 3 0)))
         (read-bytevector! b (open-input-bytevector (bytevector 7 8)) 1)
         b)
       (bytevector 0 7 8))
(check 'port-given (begin (write 'x out) (display " " out) (newline out)
                          (get-output-string out))
       "x \n")
(check 'read-char-port (read-char (open-input-string "a")) #\a)
;; The arity error names the procedure, and says what it takes.
(check 'newline-extra-message (newline out 'extra)
       '(raised "newline: wrong number of arguments: expected 0 to 1, got 2" ()))
(check 'write-string-extra-message (write-string "abc" out 0 1 'extra)
       '(raised "write-string: wrong number of arguments: expected 1 to 4, got 5" ()))
(check 'write-too-few-message (write)
       '(raised "write: wrong number of arguments: expected 1 to 2, got 0" ()))

;; 6.2.7: (number->string z radix) must give text that string->number
;; reads back, in that radix, as z. Only radix 10 has a decimal point, so
;; 1.2 has no such text in radix 2: it raises. An inexact integer has one.
(check-error 'number->string-inexact-binary (number->string 1.2 2))
(check-error 'number->string-inexact-hex (number->string 0.5 16))
(check 'number->string-inexact-integer (number->string 4.0 2) "#i100")
(check 'number->string-reads-back (string->number (number->string -12.0 8) 8) -12.0)
(check 'number->string-exact (number->string 1/3 2) "1/11")
(check 'number->string-decimal (number->string 1.2 10) "1.2")

;; 6.12: "(environment list1 ...) ... returns a specifier for the
;; environment that results by starting with an empty environment and then
;; importing each list ... The bindings of the environment represented by
;; the specifier are immutable, as is the environment itself."
(define env (environment '(scheme base)))
(check-error 'environment-define (eval '(define x 10) env))
(check-error 'environment-define-syntax
             (eval '(define-syntax m (syntax-rules () ((_) 1))) env))
(check-error 'environment-set! (eval '(set! car cdr) env))
(check-error 'environment-import (eval '(import (scheme char)) env))
(check 'car-untouched (car '(1 2)) 1)
(check 'environment-local-define
       (eval '(let () (define x 10) (set! x (+ x 1)) x) env) 11)
(check 'environment-define-message (eval '(define x 10) env)
       '(raised "define: the environment is immutable" ((define x 10))))
;; The program's own environment is not immutable.
(eval '(define from-eval 5) (interaction-environment))
(check 'interaction-define (eval 'from-eval (interaction-environment)) 5)
