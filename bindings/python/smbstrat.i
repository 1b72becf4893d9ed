%module(package="smbstrat") core
