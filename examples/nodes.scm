;; Runs work on a worker node: termite --node 127.0.0.1:4000 --serve in
;; another terminal, with the same TERMITE_COOKIE, then
;; termite examples/nodes.scm 4000
(define worker (make-node "127.0.0.1" (string->number (cadr (command-line)))))
(display (on worker (lambda () (* 6 7))))    ; runs there: 42
(newline)
(define p (spawn (lambda ()
                   (migrate worker)          ; the process moves, pid and all
                   (let loop ()
                     (recv ((from tag 'where) (! from (list tag (current-node)))))
                     (loop)))))
(display (!? p 'where))                      ; #<node 127.0.0.1:4000>
(newline)
