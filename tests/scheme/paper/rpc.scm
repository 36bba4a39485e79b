;; Remote procedure calls: by hand with a tag, then with !?.
(define (fetch-corresponding-proc name)
  (case name
    ((add) (lambda (args) (apply + args)))
    ((mul) (lambda (args) (apply * args)))))

(define rpc-server
  (spawn
   (let loop ()
     (recv
      ((from tag (op . args))
       (! from (list tag ((fetch-corresponding-proc op) args)))))
     (loop))))

(let ((tag (make-tag)))
  (! rpc-server (list (self) tag (list 'add 1 2)))
  (write (recv ((,tag result) result)))     ; yields 3
  (newline))

(write (!? rpc-server (list 'add 1 2)))      ; yields 3
(newline)
(write (!? rpc-server (list 'mul 2 3 7)))
(newline)
