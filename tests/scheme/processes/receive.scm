;; Receiving: ?, ?? and !? with and without timeouts and defaults; order of
;; the messages left behind; recv keeping what it does not match.
(define me (self))
(define (show . xs) (for-each (lambda (x) (write x) (display " ")) xs) (newline))

(for-each (lambda (m) (! me m)) '(1 a 2 b 3))
(show (?? symbol?) (?? symbol?) (?) (?) (?))

(show (? 0 'empty) (? 0.01 'empty))
(show (catch (lambda (e) (list 'raised e)) (? 0.01)))
(show (?? symbol? 0.01 'none))
(show (catch (lambda (e) (list 'raised e)) (?? symbol? 0)))

;; recv leaves unmatched messages in order and takes the first match.
(for-each (lambda (m) (! me m)) '((x 1) (y 2) (x 3) z))
(show (recv (('y n) n)))
(show (recv (('x n) (where (> n 2)) n)))
(show (?) (recv (other other)))

;; after 0 polls.
(show (recv (('nothing) 'got) (after 0 'polled)))
(! me 'here)
(show (recv ((? symbol? s) 'no) (s s) (after 0 'polled)))

;; !? with a server that never answers: default, or timeout raised.
(define silent (spawn (let loop () (? ) (loop))))
(show (!? silent 'hello 0.01 'no-answer))
(show (catch (lambda (e) e) (!? silent 'hello 0.01)))

;; A late answer to an abandoned !? does not confuse the next one.
(define slow (spawn (let loop ()
                      (let ((m (?)))
                        (sleep 0.05)
                        (! (car m) (list (cadr m) (caddr m)))
                        (loop)))))
(show (!? slow 'first 0.01 'gave-up))
(show (!? slow 'second 1 'gave-up))
