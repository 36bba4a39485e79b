;; Making a server: answers (FROM ping) with pong, ignores anything else.
(define pong-server
  (spawn
   (let loop ()
     (let ((msg (?)))
       (if (and (list? msg)
                (= (length msg) 2)
                (pid? (car msg))
                (eq? (cadr msg) 'ping))
           (let ((from (car msg)))
             (! from 'pong)
             (loop))
           (loop))))))

(! pong-server 'garbage)
(! pong-server (list (self) 'ping))
(write (?))
(newline)
(! pong-server (list (self) 'ping))
(write (?))
(newline)
