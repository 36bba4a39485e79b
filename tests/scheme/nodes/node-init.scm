;; node-init makes the program the node it names; port 0 takes a free one.
(define n (node-init (make-node "127.0.0.1" 0)))
(write (list (node? n) (node-host n) (> (node-port n) 0) (eq? n (current-node))))
(newline)
(write (eq? (node-init n) n)) (newline)          ; the same node again: no change
(write (eq? (pid-node (self)) n)) (newline)
(node-init (make-node "127.0.0.1" 1))  ; ERROR: this interpreter is already the node
