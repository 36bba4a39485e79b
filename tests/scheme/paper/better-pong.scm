;; Predicates and pattern matching: recv with a where guard.
(define better-pong-server
  (spawn
   (let loop ()
     (recv
      ((from 'ping)                     ; pattern to match
       (where (pid? from))              ; additional conditions
       (! from 'pong)))                 ; action
     (loop))))

(! better-pong-server (list 'not-a-pid 'ping))   ; fails the guard: stays unread
(! better-pong-server (list (self) 'ping))
(write (?))
(newline)
