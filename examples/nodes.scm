;; Runs work on a worker node. With a port, the worker is one you started:
;; termite --node 127.0.0.1:4000 --serve in another terminal, with the
;; same TERMITE_COOKIE, then termite examples/nodes.scm 4000. Without one,
;; spawn-node starts a worker on this machine.
(define args (cdr (command-line)))
(define worker
  (if (pair? args)
      (make-node "127.0.0.1" (string->number (car args)))
      (spawn-node)))
(display (on worker (lambda () (* 6 7))))    ; runs there: 42
(newline)
(define p (spawn (lambda ()
                   (migrate worker)          ; the process moves, pid and all
                   (let loop ()
                     (recv ((from tag 'where) (! from (list tag (current-node)))))
                     (loop)))))
(display (eq? (!? p 'where) worker))         ; it runs there: #t
(newline)
