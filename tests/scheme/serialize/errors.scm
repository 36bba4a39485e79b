;; What cannot be serialized, and bytes that are not a message, raise
;; errors that say why.

(define (show . xs) (for-each display xs) (newline))
(define (try thunk)
  (guard (e ((error-object? e)
             (display (error-object-message e))
             (for-each (lambda (i) (display " ") (write i)) (error-object-irritants e))
             (newline)))
    (thunk)
    (show "no error")))

(define version (bytevector-u8-ref (serialize '()) 1)) ; this termite's

(try (lambda () (serialize (open-output-string))))
(try (lambda () (serialize (list 1 (open-input-string "x")))))
(try (lambda () (deserialize (bytevector))))
(try (lambda () (deserialize (bytevector 1 2 3))))
(try (lambda () (deserialize (bytevector #x83 9 #x80 #xf6))))
(try (lambda () (deserialize (bytevector #x83 version #x80 #xd8 #x1d 7))))
(try (lambda () (deserialize "not a bytevector")))
(u8vector->object (bytevector #x83 version #x81 #x82 #x18 99 0 #xf6))  ; ERROR: deserialize: entry 0: kind 99 out of range
