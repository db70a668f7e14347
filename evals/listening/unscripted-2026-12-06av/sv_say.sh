#!/bin/bash
out=$(/tmp/convoAV/websay.sh av-sv-web-1 "$@" 2>&1)
echo "$out"
printf 'user> %s\n\n%s\n\n---\n\n' "$1" "$out" >> /tmp/ownersAV/sv/owner1.md
