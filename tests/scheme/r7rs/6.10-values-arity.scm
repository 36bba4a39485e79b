;; R7RS-small section 6.10: "Except for continuations created by the
;; call-with-values procedure, all continuations take exactly one value",
;; and the continuations of the non-final expressions of a sequence take
;; any number, since they drop them. Passing other than one value to a
;; continuation that takes one is an error, whether the values come from
;; `values` or from calling a captured continuation.
(include "lib/check.scm")

(define msg2 "2 values passed to a continuation that takes exactly one")
(define msg0 "0 values passed to a continuation that takes exactly one")

;; An operand of a call takes one value.
(check 'operand-continuation (+ 1 (call/cc (lambda (k) (k 1 2))))
       (list 'raised msg2 '(1 2)))
(check 'operand-values (+ 1 (values 1 2)) (list 'raised msg2 '(1 2)))
(check 'operand-no-values (list (values)) (list 'raised msg0 '()))
(check 'operand-continuation-no-values (list (call/cc (lambda (k) (k))))
       (list 'raised msg0 '()))
;; So do an init, a test, an assignment and a definition.
(check 'let-init (let ((x (values 1 2))) x) (list 'raised msg2 '(1 2)))
(check 'if-test (if (values 1 2) 'yes 'no) (list 'raised msg2 '(1 2)))
(check 'set! (let ((x 0)) (set! x (values 1 2)) x) (list 'raised msg2 '(1 2)))
(check 'internal-define (let () (define x (values 1 2)) x)
       (list 'raised msg2 '(1 2)))
;; A procedure returns its body's values to its caller's continuation:
;; here an operand, through a tail call and the end of a branch.
(define (two) (values 1 2))
(define (maybe-two flag) (if flag (two) 0))
(check 'through-tail-call (+ 1 (maybe-two #t)) (list 'raised msg2 '(1 2)))
(check 'one-through-tail-call (+ 1 (maybe-two #f)) 1)

;; The standard procedures that return two values do it the same way.
(check 'exact-integer-sqrt-operand (+ 1 (exact-integer-sqrt 17)) (list 'raised msg2 '(4 1)))
(check 'floor/-operand (list (floor/ 7 2)) (list 'raised msg2 '(3 1)))
(check 'truncate/-values (call-with-values (lambda () (truncate/ -7 2)) list) '(-3 -1))
(check 'exact-integer-sqrt-values (call-with-values (lambda () (exact-integer-sqrt 17)) list)
       '(4 1))

;; The continuation of call-with-values' producer takes any number.
(check 'call-with-values (call-with-values (lambda () (values 1 2)) list) '(1 2))
(check 'call-with-values-continuation
       (call-with-values (lambda () (call/cc (lambda (k) (k 1 2)))) list) '(1 2))
(check 'call-with-values-through-branch
       (call-with-values (lambda () (maybe-two #t)) list) '(1 2))
(check 'call-with-values-none (call-with-values values list) '())
(check 'let-values (let-values (((a b) (values 1 2)) ((c) (values 3))) (list a b c))
       '(1 2 3))
(check 'dynamic-wind-passes-values
       (call-with-values
        (lambda () (dynamic-wind (lambda () #f) (lambda () (values 1 2)) (lambda () #f)))
        list)
       '(1 2))
;; So do the non-final expressions of a sequence.
(check 'begin-drops (begin (values 1 2) (values) 'ok) 'ok)
(check 'body-drops (let () (values 1 2) (call/cc (lambda (k) (k 1 2))) 'ok) 'ok)
(check 'when-drops (let () (when #t (values 1 2)) 'ok) 'ok)
(check 'branch-drops (let () (if #t (values 1 2) 0) 'ok) 'ok)
;; One value is one value, however it is passed.
(check 'one-value (+ 1 (values 2) (call/cc (lambda (k) (k 3)))) 6)
;; A top-level expression's continuation drops its values.
(values 1 2)
(values)

(display (+ 1 (call-with-current-continuation (lambda (k) (k 1 2))))) ; ERROR: 2 values passed to a continuation that takes exactly one 1 2
