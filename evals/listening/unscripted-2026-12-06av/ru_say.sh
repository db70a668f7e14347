#!/bin/bash
out=$(/tmp/convoAV/say.sh av-ru-1 ru "$1" 2>&1)
echo "$out"
printf '%s\n\n---\n\n' "$out" >> /tmp/ownersAV/ru/owner1.md
