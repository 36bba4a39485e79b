;; The core syntax: definitions, binding forms, loops, conditionals,
;; quasiquote, strings, and the printed forms of every kind of datum.

(define (show . xs) (for-each display xs) (newline))

;; define and lambda, with rest arguments and internal definitions
(define x 10)
(define (square n) (* n n))
(define add3 (lambda (a b c) (+ a b c)))
(define (rest-args a . more) (list a more))
(define all-args (lambda args args))
(show (square x) " " (add3 1 2 3))
(show (rest-args 1) " " (rest-args 1 2 3))
(show (all-args) " " (all-args 1 2))
(define (f n)
  (define a (* n 2))
  (define (g m) (+ a m))
  (g 1))
(show (f 5))
(set! x (+ x 1))
(show x)

;; let forms
(let ((a 1) (b 2)) (show (+ a b)))
(let ((a 1)) (let ((a 2) (b a)) (show a " " b)))
(let* ((a 1) (b (+ a 1))) (show a " " b))
(letrec ((ev? (lambda (n) (if (= n 0) #t (od? (- n 1)))))
         (od? (lambda (n) (if (= n 0) #f (ev? (- n 1))))))
  (show (ev? 100) " " (od? 7)))
(letrec* ((a 1) (b (+ a 1))) (show b))
(let-values (((q r) (floor/ 17 5)) ((one) (values 'one)))
  (show q " " r " " one))
(let*-values (((a b) (values 1 2)) ((c) (values (+ a b))))
  (show c))
(define-values (p q . r) (values 1 2 3 4))
(show p " " q " " r)

;; named let and do
(show (let loop ((i 0) (acc '()))
        (if (= i 5) (reverse acc) (loop (+ i 1) (cons (* i i) acc)))))
(show (do ((vec (make-vector 5)) (i 0 (+ i 1)))
          ((= i 5) vec)
        (vector-set! vec i i)))
(show (let ((x '(1 3 5 7 9)))
        (do ((x x (cdr x))
             (sum 0 (+ sum (car x))))
            ((null? x) sum))))
(do ((i 0 (+ i 1))) ((= i 3)) (display i))
(newline)

;; cond and case, with =>
(define (classify n) (cond ((< n 0) 'negative) ((= n 0) 'zero) (else 'positive)))
(show (classify -5) " " (classify 0) " " (classify 5))
(show (cond ((assv 'b '((a 1) (b 2))) => cadr) (else 'no)))
(show (cond ((assv 'z '((a 1))) => cadr) (else 'no)))
(show (cond (#f 1) (42)))
(define (kind x) (case x ((1 2 3) 'small) ((a e i o u) 'vowel) (else 'other)))
(show (kind 2) " " (kind 'e) " " (kind "x"))
(show (case (* 2 3) ((2 3 5 7) 'prime) ((1 4 6 8 9) 'composite)))
(show (case 'b ((a) 1) ((b) => (lambda (s) (list s s))) (else 'none)))
(show (case 'z ((a) 1) (else => symbol->string)))

;; and, or, when, unless
(show (and) " " (and 1 2) " " (and 1 #f 3) " " (or) " " (or #f 2) " " (or #f #f))
(show (or (memq 'c '(a b c d)) 'none))
(when (> 1 0) (display "when-yes "))
(when (< 1 0) (display "when-no "))
(unless (< 1 0) (display "unless-yes"))
(unless (> 1 0) (display "unless-no"))
(newline)
(show (when #t 'a 'b) " " (if #f #f 'else))

;; quasiquote: unquote, splicing, dotted tails, vectors, nesting
(show `(1 ,(+ 1 1) ,@(list 3 4)))
(show `(1 . ,(+ 1 1)))
(show `#(1 ,(+ 1 1) ,@(map square '(2 3)) end))
(show `(x #(a ,(* 2 3)) ,@'() . tail))
(show `(,@'(a b) ,@'(c)))
(define nested `(1 `(2 ,(3 ,(+ 1 3)))))
(show (equal? nested '(1 (quasiquote (2 (unquote (3 4)))))))
(show (car (cadr nested)) " " (cadr (cadr (cadr (cadr nested)))))
(show (equal? `(1 `,(+ 1 ,(+ 2 3)) 4) '(1 (quasiquote (unquote (+ 1 5))) 4)))
(show (equal? `(1 `(2 ,@(list ,@(list 3 4))))
              '(1 (quasiquote (2 (unquote-splicing (list 3 4)))))))
(show (equal? (let ((name 'a)) `(list ,name ',name)) '(list a (quote a))))

;; strings
(define s (make-string 3 #\a))
(string-set! s 1 #\b)
(show s " " (string-length s))
(show (string-append "foo" "bar") " " (substring "hello" 1 3) " " (string-copy "hello" 2))
(show (string-upcase "abc") " " (string->number "42") " " (number->string 255 16))
(show (string->list "abc") " " (list->string (list #\x #\y)) " " (string #\a #\b))
(show (string=? "a" "a") " " (string<? "a" "b") " " (string-ci=? "AbC" "aBc"))
(show (string->symbol "sym") " " (symbol->string 'abc) " " (string-map char-upcase "abc"))
(string-for-each (lambda (c) (display (char->integer c)) (display " ")) "AB")
(newline)
(show (string-ref "λx" 0) " " (string-length "λx"))

;; write and display of every kind of datum: "written | displayed"
(define data
  (list 42 -7 1/3 (/ 6 4) 3.5 -0.25 1.0 0.1 (expt 2 100) (/ 1.0 0.0) (/ -1.0 0.0)
        #t #f #\a #\A #\x41 #\space #\tab #\λ
        "hi \"there\"\\" "a\nb\tc" 'sym 'Hello '|two words|
        '() '(1 (2 3) . 4) '(a "s" #\c) (vector 1 "s" #\c) (vector)
        (bytevector 1 2 255) (bytevector)))
(for-each (lambda (d) (write d) (display " | ") (display d) (newline)) data)
(write #\newline) (newline)
(let ((l (list 1 2)))
  (set-cdr! (cdr l) l)
  (write l)
  (newline))
