;; Hot code update: a running server is given a continuation of a new
;; version of its loop, and carries on as the new version, with the same
;; pid and mailbox. Run with: bin/termite examples/code-update.scm

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
       (! from (list tag 'pong))))      ; fixed
     (loop))))

(println "before: " (!? server 'ping))
(let ((replacement (!? new-server 'clone)))
  (! server (list 'update replacement)))
(println "after: " (!? server 'ping))
