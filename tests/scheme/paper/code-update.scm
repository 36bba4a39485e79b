;; Dynamic code update: a running server is replaced by a new version by
;; sending it a continuation of the new server's loop.
(define server
  (spawn
   (let loop ()
     (recv
      (('update k)
       (k #t))
      ((from tag 'ping)
       (! from (list tag 'not-pong))))  ; the bug
     (loop))))

(define new-server
  (spawn
   (let loop ()
     (recv
      (('update k)
       (k #t))
      ((from tag 'clone)
       (call/cc
        (lambda (k)
          (! from (list tag k)))))
      ((from tag 'ping)
       (! from (list tag 'pong))))
     (loop))))

(write (!? server 'ping))                ; not-pong
(newline)
(let ((replacement (!? new-server 'clone)))
  (! server (list 'update replacement)))
(write (!? server 'ping))                ; pong
(newline)
