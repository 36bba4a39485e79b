;; Remote spawns: a process spawned here migrates to another node and
;; reports from there; remote-spawn starts one there directly.
(define node (spawn-node))

(let ((this (self)))
  (spawn
   (migrate node)
   (! this (list 'from (current-node)))))
(write (equal? (?) (list 'from node))) (newline)

(let* ((this (self))
       (pid (remote-spawn node (lambda () (! this (list 'spawned-on (current-node)))))))
  (write (equal? (?) (list 'spawned-on node))) (newline)
  (write (eq? (pid-node pid) node)) (newline))

;; on: the value of a thunk run there
(write (on node (lambda () (* 6 7)))) (newline)
(write (eq? (on node current-node) node)) (newline)
