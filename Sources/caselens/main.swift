import ArgumentParser
import CaseLensCore
import Foundation

CaseLensCommand.main()
