;; The thunks of a dynamic-wind run in the dynamic environment of its call
;; when a continuation crosses it: its exception handlers and parameter
;; values, not those of the place the jump came from.
(define (show x) (write x) (newline))

;; An error raised by an after thunk while a raise unwinds to a guard goes
;; to that guard.
(show (guard (e (#t (list 'caught e)))
        (dynamic-wind (lambda () #f)
                      (lambda () (raise 'body))
                      (lambda () (raise 'after)))))

;; Re-entry: the before thunk sees the parameter values of the
;; dynamic-wind call (5 both times), not those where k is called (1).
(define p (make-parameter 1))
(define k #f)
(define seen '())
(parameterize ((p 5))
  (dynamic-wind
   (lambda () (set! seen (cons (p) seen)))
   (lambda () (call/cc (lambda (c) (set! k c))))
   (lambda () #f)))
(if (< (length seen) 2) (k 'again))
(show (reverse seen))

;; An after thunk that runs on the way out of a with-exception-handler
;; sees the handler around its dynamic-wind.
(show (call/cc
       (lambda (out)
         (with-exception-handler
          (lambda (e) (out (list 'handled e)))
          (lambda ()
            (call/cc
             (lambda (escape)
               (dynamic-wind (lambda () #f)
                             (lambda () (escape 'escaped))
                             (lambda () (raise 'from-after))))))))))

;; A comparator of list-sort that is re-entered through its continuation
;; sorts again from where it was.
(define again #f)
(define runs 0)
(define (less a b)
  (call/cc (lambda (c) (if (not again) (set! again c))))
  (< a b))
(define sorted (list-sort less '(5 3 1 4 2)))
(set! runs (+ runs 1))
(if (< runs 3) (again #f))
(show (list runs sorted))
